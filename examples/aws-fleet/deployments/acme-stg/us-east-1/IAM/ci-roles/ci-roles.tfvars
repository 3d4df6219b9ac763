# ci-roles: roles used by CI/CD in acme-stg / us-east-1.
account_name = "acme-stg"
region       = "us-east-1"
environment  = "stg"

tags = {
  Owner       = "security-team@acme.example"
  Team        = "security"
  Environment = "stg"
  CostCenter  = "CC-1002"
}

iam_roles = {
  "acme-stg-use1-ci-deployer" = {
    description          = "Assumed by the CI runners to deploy workloads"
    assume_role_services = ["codebuild.amazonaws.com"]
    managed_policy_arns  = ["arn:aws:iam::aws:policy/PowerUserAccess"]
    max_session_duration = 7200
  }
  "acme-stg-use1-ci-readonly" = {
    description          = "Read-only role used by plan jobs"
    assume_role_services = ["codebuild.amazonaws.com"]
    managed_policy_arns  = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
  }
}
