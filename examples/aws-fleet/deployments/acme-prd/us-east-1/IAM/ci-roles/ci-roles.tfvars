# ci-roles: roles used by CI/CD in acme-prd / us-east-1.
account_name = "acme-prd"
region       = "us-east-1"
environment  = "prd"

tags = {
  Owner       = "security-team@acme.example"
  Team        = "security"
  Environment = "prd"
  CostCenter  = "CC-2001"
}

iam_roles = {
  "acme-prd-use1-ci-deployer" = {
    description          = "Assumed by the CI runners to deploy workloads"
    assume_role_services = ["codebuild.amazonaws.com"]
    managed_policy_arns  = ["arn:aws:iam::aws:policy/PowerUserAccess"]
    max_session_duration = 7200
  }
  "acme-prd-use1-ci-readonly" = {
    description          = "Read-only role used by plan jobs"
    assume_role_services = ["codebuild.amazonaws.com"]
    managed_policy_arns  = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  }
}
