# network: VCN and subnets. Reads the identity stack.

# Reads the identity stack once it has been applied. Until its state file
# exists the defaults are used instead, so plan works on a fresh checkout.
locals {
  identity_defaults = {
    compartment_id = "pending"
  }
}

data "terraform_remote_state" "identity" {
  count = fileexists(var.identity_state_path) ? 1 : 0

  backend = "local"
  config = {
    path = var.identity_state_path
  }

  # Also covers outputs the identity stack does not (yet) export.
  defaults = local.identity_defaults
}

locals {
  identity = try(data.terraform_remote_state.identity[0].outputs, local.identity_defaults)

  compartment_id = local.identity.compartment_id
  subnets = {
    public = { cidr = cidrsubnet(var.vcn_cidr, 8, 0), public = true }
    app    = { cidr = cidrsubnet(var.vcn_cidr, 8, 10), public = false }
    db     = { cidr = cidrsubnet(var.vcn_cidr, 8, 20), public = false }
  }
}

resource "terraform_data" "vcn" {
  input = {
    name           = "toronto-vcn"
    cidr_block     = var.vcn_cidr
    compartment_id = local.compartment_id
  }
}

resource "terraform_data" "subnet" {
  for_each = local.subnets

  input = {
    name                       = "toronto-${each.key}"
    cidr_block                 = each.value.cidr
    prohibit_public_ip_on_vnic = !each.value.public
    vcn_id                     = terraform_data.vcn.id
    compartment_id             = local.compartment_id
  }
}
