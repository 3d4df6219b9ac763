# analytics-lake: S3 buckets of the data team in acme-dev / eu-west-1.
account_name = "acme-dev"
region       = "eu-west-1"
environment  = "dev"

tags = {
  Owner       = "data-team@acme.example"
  Team        = "data"
  Environment = "dev"
  CostCenter  = "CC-1001"
}

s3_buckets = {
  "acme-dev-euw1-analytics-landing" = {
    versioning = true
    encryption = "AES256"
    tags = {
      DataClass = "confidential"
      Purpose   = "landing"
    }
  }
  "acme-dev-euw1-analytics-curated" = {
    versioning = false
    encryption = "AES256"
    tags = {
      DataClass = "internal"
      Purpose   = "curated"
    }
  }
}
