# platform-keys: customer managed KMS keys shared by acme-prd / us-east-1.
account_name = "acme-prd"
region       = "us-east-1"
environment  = "prd"

tags = {
  Owner       = "platform-team@acme.example"
  Team        = "platform"
  Environment = "prd"
  CostCenter  = "CC-2001"
}

kms_keys = {
  "acme-prd-use1-platform" = {
    description             = "Default key for platform data in acme-prd us-east-1"
    deletion_window_in_days = 30
  }
  "acme-prd-use1-logs" = {
    description             = "CloudWatch and CloudTrail log encryption"
    enable_key_rotation     = true
    deletion_window_in_days = 30
    tags = {
      DataClass = "internal"
    }
  }
}
