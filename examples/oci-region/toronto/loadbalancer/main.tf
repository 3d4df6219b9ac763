# loadbalancer: public load balancer in front of the compute instances.
# Reads the compute and network stacks; see ../.tf-orchestrator.yml.

# Reads the compute stack once it has been applied. Until its state file
# exists the defaults are used instead, so plan works on a fresh checkout.
locals {
  compute_defaults = {
    instance_ids = []
  }
}

data "terraform_remote_state" "compute" {
  count = fileexists(var.compute_state_path) ? 1 : 0

  backend = "local"
  config = {
    path = var.compute_state_path
  }

  # Also covers outputs the compute stack does not (yet) export.
  defaults = local.compute_defaults
}

locals {
  compute = try(data.terraform_remote_state.compute[0].outputs, local.compute_defaults)
}

# Same pattern for the network stack (public subnet, compartment).
locals {
  network_defaults = {
    public_subnet_id = "pending"
    compartment_id   = "pending"
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

resource "terraform_data" "load_balancer" {
  input = {
    display_name   = "toronto-public-lb"
    shape          = "flexible"
    subnet_id      = local.network.public_subnet_id
    compartment_id = local.network.compartment_id
  }
}

resource "terraform_data" "backend_set" {
  input = {
    load_balancer_id = terraform_data.load_balancer.id
    name             = "app"
    policy           = "ROUND_ROBIN"
    listener_port    = var.listener_port
    backends         = local.compute.instance_ids
  }
}
