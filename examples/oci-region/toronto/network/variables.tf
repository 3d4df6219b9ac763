variable "identity_state_path" {
  description = "State file of the identity stack (default: where tf-orchestrator's local state store keeps it, state key identity/default/toronto/default)."
  type        = string
  default     = "../.tf-orchestrator/state/identity/default/toronto/default/terraform.tfstate"
}

variable "vcn_cidr" {
  description = "CIDR block of the VCN."
  type        = string
  default     = "10.20.0.0/16"
}
