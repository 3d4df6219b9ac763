# payments-data: S3 buckets of the payments team in acme-dev / us-east-1.
account_name = "acme-dev"
region       = "us-east-1"
environment  = "dev"

tags = {
  Owner       = "payments-team@acme.example"
  Team        = "payments"
  Environment = "dev"
  CostCenter  = "CC-1001"
}

s3_buckets = {
  "acme-dev-use1-payments-raw" = {
    versioning = true
    encryption = "AES256"
    tags = {
      DataClass = "confidential"
      Purpose   = "raw-ingest"
    }
  }
  "acme-dev-use1-payments-reports" = {
    versioning = false
    encryption = "AES256"
    tags = {
      DataClass = "internal"
      Purpose   = "reporting"
    }
  }
}
