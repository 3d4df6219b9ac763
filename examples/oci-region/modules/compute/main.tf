# Models an OCI compute instance with the built-in terraform_data resource.

module "shape" {
  source = "../shape-catalog"

  shape = var.shape
}

locals {
  ocpus = module.shape.flex && var.ocpus != null ? var.ocpus : module.shape.ocpus
}

resource "terraform_data" "instance" {
  input = {
    display_name   = var.name
    shape          = var.shape
    arch           = module.shape.arch
    ocpus          = local.ocpus
    memory_in_gbs  = module.shape.memory_in_gbs * local.ocpus / module.shape.ocpus
    subnet_id      = var.subnet_id
    compartment_id = var.compartment_id
    freeform_tags  = var.freeform_tags
  }
}
