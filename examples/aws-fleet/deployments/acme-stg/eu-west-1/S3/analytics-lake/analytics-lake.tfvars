# analytics-lake: S3 buckets of the data team in acme-stg / eu-west-1.
account_name = "acme-stg"
region       = "eu-west-1"
environment  = "stg"

tags = {
  Owner       = "data-team@acme.example"
  Team        = "data"
  Environment = "stg"
  CostCenter  = "CC-1002"
}

s3_buckets = {
  "acme-stg-euw1-analytics-landing" = {
    versioning = true
    encryption = "aws:kms"
    kms_key    = "alias/acme-stg-euw1-platform"
    tags = {
      DataClass = "confidential"
      Purpose   = "landing"
    }
  }
  "acme-stg-euw1-analytics-curated" = {
    versioning = false
    encryption = "AES256"
    tags = {
      DataClass = "internal"
      Purpose   = "curated"
    }
  }
}
