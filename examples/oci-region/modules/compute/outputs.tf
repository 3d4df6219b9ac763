output "id" {
  description = "Id of the instance."
  value       = terraform_data.instance.id
}

output "name" {
  description = "Display name of the instance."
  value       = var.name
}

output "ocpus" {
  description = "OCPUs of the instance."
  value       = local.ocpus
}
