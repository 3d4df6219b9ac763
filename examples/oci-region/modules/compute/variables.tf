variable "name" {
  description = "Display name of the instance."
  type        = string
}

variable "shape" {
  description = "Compute shape, must be known to modules/shape-catalog."
  type        = string
  default     = "VM.Standard.E4.Flex"
}

variable "subnet_id" {
  description = "Subnet the primary VNIC is attached to."
  type        = string
}

variable "compartment_id" {
  description = "Compartment of the instance."
  type        = string
  default     = "pending"
}

variable "ocpus" {
  description = "OCPUs for flex shapes; null uses the catalog default."
  type        = number
  default     = null
}

variable "freeform_tags" {
  description = "Free-form tags of the instance."
  type        = map(string)
  default     = {}
}
