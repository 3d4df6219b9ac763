variable "identity_state_path" {
  description = "State file of the identity stack (default: where a plain `tofu apply` in ../identity writes it)."
  type        = string
  default     = "../identity/terraform.tfstate"
}

variable "vcn_cidr" {
  description = "CIDR block of the VCN."
  type        = string
  default     = "10.20.0.0/16"
}
