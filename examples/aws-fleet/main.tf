# Shared root module for every deployment of the fleet. Each deployment is a
# .tfvars file under deployments/; the orchestrator runs this module once per
# file with its own state. Resources are modelled with the built-in
# terraform_data resource so the example needs no provider download.

module "naming" {
  source = "./modules/naming"

  account_name = var.account_name
  region       = var.region
  environment  = var.environment
  project      = var.project
}

locals {
  common_tags = merge(module.naming.tags, var.tags)
}

# The deployment itself: one per account/region/tfvars file.
resource "terraform_data" "deployment" {
  input = {
    account_name = var.account_name
    region       = var.region
    environment  = var.environment
    name_prefix  = module.naming.prefix
    services = compact([
      length(var.s3_buckets) > 0 ? "s3" : "",
      length(var.kms_keys) > 0 ? "kms" : "",
      length(var.iam_roles) > 0 ? "iam" : "",
    ])
    tags = local.common_tags
  }
}

resource "terraform_data" "kms_key" {
  for_each = var.kms_keys

  input = {
    alias                   = "alias/${each.key}"
    description             = each.value.description
    enable_key_rotation     = each.value.enable_key_rotation
    deletion_window_in_days = each.value.deletion_window_in_days
    arn                     = "arn:aws:kms:${var.region}:${var.account_name}:alias/${each.key}"
    tags                    = merge(local.common_tags, each.value.tags, { Name = each.key })
  }
}

resource "terraform_data" "s3_bucket" {
  for_each = var.s3_buckets

  input = {
    bucket     = each.key
    versioning = each.value.versioning
    encryption = each.value.encryption
    kms_key    = each.value.kms_key
    public     = each.value.public
    arn        = "arn:aws:s3:::${each.key}"
    tags       = merge(local.common_tags, each.value.tags, { Name = each.key })
  }

  # Buckets encrypted with a key of the same deployment are created after it.
  depends_on = [terraform_data.kms_key]
}

resource "terraform_data" "iam_role" {
  for_each = var.iam_roles

  input = {
    name                 = each.key
    description          = each.value.description
    assume_role_services = each.value.assume_role_services
    managed_policy_arns  = each.value.managed_policy_arns
    max_session_duration = each.value.max_session_duration
    arn                  = "arn:aws:iam::${var.account_name}:role/${each.key}"
    tags                 = merge(local.common_tags, each.value.tags, { Name = each.key })
  }
}

# Test/benchmark knob: only exists when var.simulate asks for a slow or
# failing apply. Runs once at creation (and again whenever simulate changes).
resource "terraform_data" "simulate" {
  count = var.simulate.sleep_seconds > 0 || var.simulate.fail ? 1 : 0

  triggers_replace = var.simulate

  provisioner "local-exec" {
    interpreter = ["/bin/sh", "-c"]
    command     = "echo 'simulate: ${var.account_name}/${var.region} sleep=${var.simulate.sleep_seconds} fail=${var.simulate.fail}'; sleep ${var.simulate.sleep_seconds}${var.simulate.fail ? "; echo 'simulate: failing on purpose' >&2; exit 1" : ""}"
  }

  depends_on = [terraform_data.deployment]
}
