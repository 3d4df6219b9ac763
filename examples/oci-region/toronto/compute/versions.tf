terraform {
  required_version = ">= 1.6"

  # The orchestrator passes -backend-config=path=<state file>. With a plain
  # `tofu init` the state lands in ./terraform.tfstate of this stack.
  backend "local" {}
}
