variable "compute_state_path" {
  description = "State file of the compute stack (default: where a plain `tofu apply` in ../compute writes it)."
  type        = string
  default     = "../compute/terraform.tfstate"
}

variable "network_state_path" {
  description = "State file of the network stack (default: where a plain `tofu apply` in ../network writes it)."
  type        = string
  default     = "../network/terraform.tfstate"
}

variable "listener_port" {
  description = "Port the load balancer listens on."
  type        = number
  default     = 443
}
