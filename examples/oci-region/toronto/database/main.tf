# database: a database host plus the database on it. Reads the network stack
# and uses the shared ../../modules/compute module for the host.

# Reads the network stack once it has been applied. Until its state file
# exists the defaults are used instead, so plan works on a fresh checkout.
locals {
  network_defaults = {
    db_subnet_id   = "pending"
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

module "db_host" {
  source = "../../modules/compute"

  name           = "toronto-db-01"
  shape          = "VM.DenseIO.E4.Flex"
  subnet_id      = local.network.db_subnet_id
  compartment_id = local.network.compartment_id
  freeform_tags  = { Role = "database", Region = "toronto" }
}

resource "terraform_data" "database" {
  input = {
    name        = "TORAPP"
    db_version  = var.db_version
    host_id     = module.db_host.id
    backup_days = 30
  }
}
