terraform {
  required_version = ">= 1.6"

  # The orchestrator passes bucket, key (one per deployment), region, endpoint
  # and encryption as -backend-config values from .tf-orchestrator.yml.
  backend "s3" {}
}
