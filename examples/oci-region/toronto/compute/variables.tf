variable "network_state_path" {
  description = "State file of the network stack (default: where tf-orchestrator's local state store keeps it, state key network/default/toronto/default)."
  type        = string
  default     = "../.tf-orchestrator/state/network/default/toronto/default/terraform.tfstate"
}

variable "app_instance_count" {
  description = "Number of application instances."
  type        = number
  default     = 2

  validation {
    condition     = var.app_instance_count >= 1 && var.app_instance_count <= 10
    error_message = "app_instance_count must be between 1 and 10."
  }
}
