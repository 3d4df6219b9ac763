output "prefix" {
  description = "Name prefix: <account>-<short region>[-<project>], e.g. \"acme-dev-use1\"."
  value       = local.prefix
}

output "region_short" {
  description = "Short region code, e.g. \"use1\"."
  value       = local.region_short
}

output "tags" {
  description = "Standard tags every resource carries."
  value       = local.tags
}
