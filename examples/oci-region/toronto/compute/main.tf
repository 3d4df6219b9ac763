# compute: application instances. Reads the network stack and uses the shared
# ../../modules/compute module (which itself uses ../shape-catalog).

# Reads the network stack once it has been applied. Until its state file
# exists the defaults are used instead, so plan works on a fresh checkout.
locals {
  network_defaults = {
    subnet_id      = "pending"
    compartment_id = "pending"
  }
}

data "terraform_remote_state" "network" {
  count = fileexists(var.network_state_path) ? 1 : 0

  backend = "local"
  config = {
    path = var.network_state_path
  }

  # Also covers outputs the network stack does not (yet) export.
  defaults = local.network_defaults
}

locals {
  network = try(data.terraform_remote_state.network[0].outputs, local.network_defaults)
}

module "app" {
  source = "../../modules/compute"
  count  = var.app_instance_count

  name           = format("toronto-app-%02d", count.index + 1)
  shape          = "VM.Standard.E4.Flex"
  ocpus          = 2
  subnet_id      = local.network.subnet_id
  compartment_id = local.network.compartment_id
  freeform_tags  = { Role = "app", Region = "toronto" }
}
