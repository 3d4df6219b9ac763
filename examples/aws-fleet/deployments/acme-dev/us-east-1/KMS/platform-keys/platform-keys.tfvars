# platform-keys: customer managed KMS keys shared by acme-dev / us-east-1.
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
  "acme-dev-use1-platform" = {
    description             = "Default key for platform data in acme-dev us-east-1"
    deletion_window_in_days = 7
  }
  "acme-dev-use1-logs" = {
    description             = "CloudWatch and CloudTrail log encryption"
    enable_key_rotation     = true
    deletion_window_in_days = 7
    tags = {
      DataClass = "internal"
    }
  }
}
