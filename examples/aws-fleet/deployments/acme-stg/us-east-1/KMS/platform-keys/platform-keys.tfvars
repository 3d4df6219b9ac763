# platform-keys: customer managed KMS keys shared by acme-stg / us-east-1.
account_name = "acme-stg"
region       = "us-east-1"
environment  = "stg"

tags = {
  Owner       = "platform-team@acme.example"
  Team        = "platform"
  Environment = "stg"
  CostCenter  = "CC-1002"
}

kms_keys = {
  "acme-stg-use1-platform" = {
    description             = "Default key for platform data in acme-stg us-east-1"
    deletion_window_in_days = 14
  }
  "acme-stg-use1-logs" = {
    description             = "CloudWatch and CloudTrail log encryption"
    enable_key_rotation     = true
    deletion_window_in_days = 14
    tags = {
      DataClass = "internal"
    }
  }
}
