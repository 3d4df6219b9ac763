# identity: compartment, groups and policies of the Toronto region.
# No upstream stacks.

locals {
  region = "ca-toronto-1"
  tags   = { Region = "toronto", Stack = "identity", ManagedBy = "tf-orchestrator" }
}

resource "terraform_data" "compartment" {
  input = {
    name        = "acme-toronto"
    description = "Workloads running in ${local.region}"
    tags        = local.tags
  }
}

resource "terraform_data" "group" {
  for_each = toset(["network-admins", "app-operators", "db-admins"])

  input = {
    name = "toronto-${each.key}"
    tags = local.tags
  }
}

resource "terraform_data" "policy" {
  input = {
    name           = "toronto-operators"
    compartment_id = terraform_data.compartment.id
    statements = [
      "Allow group toronto-network-admins to manage virtual-network-family in compartment acme-toronto",
      "Allow group toronto-app-operators to manage instance-family in compartment acme-toronto",
      "Allow group toronto-db-admins to manage database-family in compartment acme-toronto",
    ]
  }
}
