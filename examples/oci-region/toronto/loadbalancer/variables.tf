variable "compute_state_path" {
  description = "State file of the compute stack (default: where tf-orchestrator's local state store keeps it, state key compute/default/toronto/default)."
  type        = string
  default     = "../.tf-orchestrator/state/compute/default/toronto/default/terraform.tfstate"
}

variable "network_state_path" {
  description = "State file of the network stack (default: where tf-orchestrator's local state store keeps it, state key network/default/toronto/default)."
  type        = string
  default     = "../.tf-orchestrator/state/network/default/toronto/default/terraform.tfstate"
}

variable "listener_port" {
  description = "Port the load balancer listens on."
  type        = number
  default     = 443
}
