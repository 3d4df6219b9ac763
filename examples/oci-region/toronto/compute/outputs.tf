output "instance_ids" {
  description = "Ids of the application instances."
  value       = module.app[*].id
}

output "instance_names" {
  description = "Display names of the application instances."
  value       = module.app[*].name
}
