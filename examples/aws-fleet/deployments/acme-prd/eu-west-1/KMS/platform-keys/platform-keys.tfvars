# platform-keys: customer managed KMS keys shared by acme-prd / eu-west-1.
account_name = "acme-prd"
region       = "eu-west-1"
environment  = "prd"

tags = {
  Owner       = "platform-team@acme.example"
  Team        = "platform"
  Environment = "prd"
  CostCenter  = "CC-2001"
}

kms_keys = {
  "acme-prd-euw1-platform" = {
    description             = "Default key for platform data in acme-prd eu-west-1"
    deletion_window_in_days = 30
  }
  "acme-prd-euw1-logs" = {
    description             = "CloudWatch and CloudTrail log encryption"
    enable_key_rotation     = true
    deletion_window_in_days = 30
    tags = {
      DataClass = "internal"
    }
  }
}
