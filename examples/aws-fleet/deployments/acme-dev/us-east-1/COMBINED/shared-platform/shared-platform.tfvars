# shared-platform: one deployment that owns both a KMS key and the buckets
# encrypted with it (services s3 and kms).
account_name = "acme-dev"
region       = "us-east-1"
environment  = "dev"

tags = {
  Owner       = "platform-team@acme.example"
  Team        = "platform"
  Environment = "dev"
  CostCenter  = "CC-1001"
}

kms_keys = {
  "acme-dev-use1-shared-platform" = {
    description             = "Key of the shared platform buckets"
    deletion_window_in_days = 7
  }
}

s3_buckets = {
  "acme-dev-use1-shared-artifacts" = {
    encryption = "aws:kms"
    kms_key    = "alias/acme-dev-use1-shared-platform"
  }
  "acme-dev-use1-shared-static-site" = {
    versioning = false
    public     = true
    tags = {
      DataClass = "public"
    }
  }
}
