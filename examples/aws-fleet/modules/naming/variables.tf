variable "account_name" {
  description = "Account name, e.g. \"acme-dev\"."
  type        = string
}

variable "region" {
  description = "Region, e.g. \"us-east-1\"."
  type        = string
}

variable "environment" {
  description = "Environment name, e.g. \"dev\"."
  type        = string
  default     = "dev"
}

variable "project" {
  description = "Optional project name appended to the prefix."
  type        = string
  default     = ""
}
