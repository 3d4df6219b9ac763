variable "account_name" {
  description = "Account this deployment targets (read by the orchestrator from the tfvars file)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9._-]+$", var.account_name))
    error_message = "account_name may only contain letters, digits, '.', '_' and '-'."
  }
}

variable "region" {
  description = "Region this deployment targets (read by the orchestrator from the tfvars file)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9-]+$", var.region))
    error_message = "region must be lowercase letters, digits and '-', e.g. \"us-east-1\"."
  }
}

variable "environment" {
  description = "Environment name, used in tags."
  type        = string
  default     = "dev"

  validation {
    condition     = can(regex("^[a-z0-9-]+$", var.environment))
    error_message = "environment must be lowercase letters, digits and '-', e.g. \"dev\"."
  }
}

variable "project" {
  description = "Project name used in the name prefix. Defaults to the account name when empty."
  type        = string
  default     = ""
}

variable "tags" {
  description = "Tags applied to every resource of the deployment."
  type        = map(string)
  default     = {}
}

variable "s3_buckets" {
  description = "S3 buckets keyed by bucket name (service s3)."
  type = map(object({
    versioning = optional(bool, true)
    encryption = optional(string, "AES256")
    kms_key    = optional(string)
    public     = optional(bool, false)
    tags       = optional(map(string), {})
  }))
  default = {}

  validation {
    condition     = alltrue([for name, b in var.s3_buckets : contains(["aws:kms", "AES256"], b.encryption)])
    error_message = "s3_buckets[*].encryption must be \"aws:kms\" or \"AES256\"."
  }

  validation {
    condition     = alltrue([for name, b in var.s3_buckets : b.encryption == "aws:kms" || b.kms_key == null])
    error_message = "s3_buckets[*].kms_key may only be set when encryption = \"aws:kms\"."
  }

  validation {
    condition     = alltrue([for name in keys(var.s3_buckets) : can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", name))])
    error_message = "s3_buckets keys must be valid bucket names (3-63 lowercase letters, digits, '.' or '-')."
  }
}

variable "kms_keys" {
  description = "KMS keys keyed by alias name (service kms)."
  type = map(object({
    description             = optional(string, "")
    enable_key_rotation     = optional(bool, true)
    deletion_window_in_days = optional(number, 30)
    tags                    = optional(map(string), {})
  }))
  default = {}

  validation {
    condition     = alltrue([for name, k in var.kms_keys : k.deletion_window_in_days >= 7 && k.deletion_window_in_days <= 30])
    error_message = "kms_keys[*].deletion_window_in_days must be between 7 and 30."
  }
}

variable "iam_roles" {
  description = "IAM roles keyed by role name (service iam)."
  type = map(object({
    description          = optional(string, "")
    assume_role_services = optional(list(string), [])
    managed_policy_arns  = optional(list(string), [])
    max_session_duration = optional(number, 3600)
    tags                 = optional(map(string), {})
  }))
  default = {}

  validation {
    condition     = alltrue([for name, r in var.iam_roles : r.max_session_duration >= 3600 && r.max_session_duration <= 43200])
    error_message = "iam_roles[*].max_session_duration must be between 3600 and 43200 seconds."
  }

  validation {
    condition = alltrue(flatten([
      for name, r in var.iam_roles : [for arn in r.managed_policy_arns : can(regex("^arn:aws:iam::", arn))]
    ]))
    error_message = "iam_roles[*].managed_policy_arns must be IAM policy ARNs (arn:aws:iam::...)."
  }
}

variable "simulate" {
  description = <<-EOT
    Test/benchmark knob. sleep_seconds > 0 makes apply sleep that long;
    fail = true makes apply fail. With the defaults nothing extra is created.
  EOT
  type = object({
    sleep_seconds = optional(number, 0)
    fail          = optional(bool, false)
  })
  default  = {}
  nullable = false

  validation {
    condition     = var.simulate.sleep_seconds >= 0
    error_message = "simulate.sleep_seconds must be >= 0."
  }
}
