output "vcn_id" {
  description = "Id of the VCN."
  value       = terraform_data.vcn.id
}

output "subnet_id" {
  description = "Id of the private application subnet."
  value       = terraform_data.subnet["app"].id
}

output "public_subnet_id" {
  description = "Id of the public subnet (load balancers)."
  value       = terraform_data.subnet["public"].id
}

output "db_subnet_id" {
  description = "Id of the database subnet."
  value       = terraform_data.subnet["db"].id
}

output "compartment_id" {
  description = "Compartment the network lives in (passed through from identity)."
  value       = local.compartment_id
}
