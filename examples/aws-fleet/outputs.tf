output "name_prefix" {
  description = "Name prefix of the deployment, e.g. \"acme-dev-use1\"."
  value       = module.naming.prefix
}

output "bucket_names" {
  description = "Names of the S3 buckets."
  value       = sort([for b in terraform_data.s3_bucket : b.input.bucket])
}

output "kms_key_names" {
  description = "Aliases of the KMS keys."
  value       = sort([for k in terraform_data.kms_key : k.input.alias])
}

output "iam_role_names" {
  description = "Names of the IAM roles."
  value       = sort([for r in terraform_data.iam_role : r.input.name])
}

output "deployment" {
  description = "Summary of the deployment."
  value = {
    account_name = var.account_name
    region       = var.region
    environment  = var.environment
    services     = terraform_data.deployment.input.services
  }
}
