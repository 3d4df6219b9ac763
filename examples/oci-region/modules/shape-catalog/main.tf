# Known compute shapes and their default sizing. Used by modules/compute, so a
# change here affects every stack that uses that module (compute, database).

variable "shape" {
  description = "OCI compute shape name, e.g. \"VM.Standard.E4.Flex\"."
  type        = string

  validation {
    condition = contains([
      "VM.Standard.E4.Flex",
      "VM.Standard.E5.Flex",
      "VM.Standard.A1.Flex",
      "VM.Standard2.2",
      "VM.DenseIO.E4.Flex",
    ], var.shape)
    error_message = "Unknown shape; add it to modules/shape-catalog first."
  }
}

locals {
  catalog = {
    "VM.Standard.E4.Flex" = { flex = true, ocpus = 1, memory_in_gbs = 16, arch = "x86_64" }
    "VM.Standard.E5.Flex" = { flex = true, ocpus = 1, memory_in_gbs = 12, arch = "x86_64" }
    "VM.Standard.A1.Flex" = { flex = true, ocpus = 2, memory_in_gbs = 12, arch = "aarch64" }
    "VM.Standard2.2"      = { flex = false, ocpus = 2, memory_in_gbs = 30, arch = "x86_64" }
    "VM.DenseIO.E4.Flex"  = { flex = true, ocpus = 8, memory_in_gbs = 128, arch = "x86_64" }
  }

  spec = local.catalog[var.shape]
}

output "flex" {
  description = "Whether the shape accepts custom OCPU/memory sizing."
  value       = local.spec.flex
}

output "ocpus" {
  description = "Default OCPU count of the shape."
  value       = local.spec.ocpus
}

output "memory_in_gbs" {
  description = "Default memory of the shape, in GB."
  value       = local.spec.memory_in_gbs
}

output "arch" {
  description = "CPU architecture of the shape."
  value       = local.spec.arch
}
