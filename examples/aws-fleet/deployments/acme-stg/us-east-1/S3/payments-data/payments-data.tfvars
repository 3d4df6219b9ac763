# payments-data: S3 buckets of the payments team in acme-stg / us-east-1.
account_name = "acme-stg"
region       = "us-east-1"
environment  = "stg"

tags = {
  Owner       = "payments-team@acme.example"
  Team        = "payments"
  Environment = "stg"
  CostCenter  = "CC-1002"
}

s3_buckets = {
  "acme-stg-use1-payments-raw" = {
    versioning = true
    encryption = "aws:kms"
    kms_key    = "alias/acme-stg-use1-platform"
    tags = {
      DataClass = "confidential"
      Purpose   = "raw-ingest"
    }
  }
  "acme-stg-use1-payments-reports" = {
    versioning = false
    encryption = "AES256"
    tags = {
      DataClass = "internal"
      Purpose   = "reporting"
    }
  }
}
