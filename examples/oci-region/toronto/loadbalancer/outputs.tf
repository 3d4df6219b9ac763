output "load_balancer_id" {
  description = "Id of the load balancer."
  value       = terraform_data.load_balancer.id
}

output "backend_count" {
  description = "Number of instances behind the load balancer."
  value       = length(local.compute.instance_ids)
}
