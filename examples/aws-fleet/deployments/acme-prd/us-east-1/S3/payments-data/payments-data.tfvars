# payments-data: S3 buckets of the payments team in acme-prd / us-east-1.
account_name = "acme-prd"
region       = "us-east-1"
environment  = "prd"

tags = {
  Owner       = "payments-team@acme.example"
  Team        = "payments"
  Environment = "prd"
  CostCenter  = "CC-2001"
}

s3_buckets = {
  "acme-prd-use1-payments-raw" = {
    versioning = true
    encryption = "aws:kms"
    kms_key    = "alias/acme-prd-use1-platform"
    tags = {
      DataClass = "confidential"
      Purpose   = "raw-ingest"
    }
  }
  "acme-prd-use1-payments-reports" = {
    versioning = true
    encryption = "AES256"
    tags = {
      DataClass = "internal"
      Purpose   = "reporting"
    }
  }
}
