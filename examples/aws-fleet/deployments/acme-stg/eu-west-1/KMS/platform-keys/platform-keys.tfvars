# platform-keys: customer managed KMS keys shared by acme-stg / eu-west-1.
account_name = "acme-stg"
region       = "eu-west-1"
environment  = "stg"

tags = {
  Owner       = "platform-team@acme.example"
  Team        = "platform"
  Environment = "stg"
  CostCenter  = "CC-1002"
}

kms_keys = {
  "acme-stg-euw1-platform" = {
    description             = "Default key for platform data in acme-stg eu-west-1"
    deletion_window_in_days = 14
  }
  "acme-stg-euw1-logs" = {
    description             = "CloudWatch and CloudTrail log encryption"
    enable_key_rotation     = true
    deletion_window_in_days = 14
    tags = {
      DataClass = "internal"
    }
  }
}
