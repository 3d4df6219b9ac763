terraform {
  required_version = ">= 1.6"

  # The orchestrator passes -backend-config=path=<state file> per deployment.
  # A plain `tofu init` also works: state then lands in ./terraform.tfstate.
  backend "local" {}
}
