output "compartment_id" {
  description = "Id of the Toronto compartment."
  value       = terraform_data.compartment.id
}

output "group_ids" {
  description = "Group ids keyed by short name."
  value       = { for k, g in terraform_data.group : k => g.id }
}
