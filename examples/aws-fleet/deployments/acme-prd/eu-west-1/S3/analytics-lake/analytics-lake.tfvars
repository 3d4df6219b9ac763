# analytics-lake: S3 buckets of the data team in acme-prd / eu-west-1.
account_name = "acme-prd"
region       = "eu-west-1"
environment  = "prd"

tags = {
  Owner       = "data-team@acme.example"
  Team        = "data"
  Environment = "prd"
  CostCenter  = "CC-2001"
}

s3_buckets = {
  "acme-prd-euw1-analytics-landing" = {
    versioning = true
    encryption = "aws:kms"
    kms_key    = "alias/acme-prd-euw1-platform"
    tags = {
      DataClass = "confidential"
      Purpose   = "landing"
    }
  }
  "acme-prd-euw1-analytics-curated" = {
    versioning = true
    encryption = "AES256"
    tags = {
      DataClass = "internal"
      Purpose   = "curated"
    }
  }
}
