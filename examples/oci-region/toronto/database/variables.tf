variable "network_state_path" {
  description = "State file of the network stack (default: where a plain `tofu apply` in ../network writes it)."
  type        = string
  default     = "../network/terraform.tfstate"
}

variable "db_version" {
  description = "Database version."
  type        = string
  default     = "19c"
}
