output "database_id" {
  description = "Id of the database."
  value       = terraform_data.database.id
}

output "host_id" {
  description = "Id of the database host."
  value       = module.db_host.id
}
