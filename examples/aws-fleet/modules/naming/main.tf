locals {
  region_parts = split("-", var.region)

  # us-east-1 -> use1, eu-west-1 -> euw1; anything else is used as is.
  region_short = length(local.region_parts) >= 3 ? join("", concat(
    [local.region_parts[0]],
    [for part in slice(local.region_parts, 1, length(local.region_parts) - 1) : substr(part, 0, 1)],
    [local.region_parts[length(local.region_parts) - 1]],
  )) : var.region

  prefix = join("-", compact([var.account_name, local.region_short, var.project]))

  tags = {
    Account     = var.account_name
    Region      = var.region
    Environment = var.environment
    ManagedBy   = "tf-orchestrator"
  }
}
