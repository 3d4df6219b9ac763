variable "network_state_path" {
  description = "State file of the network stack (default: where tf-orchestrator's local state store keeps it, state key network/default/toronto/default)."
  type        = string
  default     = "../.tf-orchestrator/state/network/default/toronto/default/terraform.tfstate"
}

variable "db_version" {
  description = "Database version."
  type        = string
  default     = "19c"
}
