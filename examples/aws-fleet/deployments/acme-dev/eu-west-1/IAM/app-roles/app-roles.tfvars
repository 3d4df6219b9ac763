# app-roles: roles of the application workloads in acme-dev / eu-west-1.
account_name = "acme-dev"
region       = "eu-west-1"
environment  = "dev"

tags = {
  Owner       = "security-team@acme.example"
  Team        = "security"
  Environment = "dev"
  CostCenter  = "CC-1001"
}

iam_roles = {
  "acme-dev-euw1-app-ecs-task" = {
    description          = "Task role of the application services"
    assume_role_services = ["ecs-tasks.amazonaws.com"]
    managed_policy_arns  = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
  }
  "acme-dev-euw1-app-lambda" = {
    description          = "Execution role of the application lambdas"
    assume_role_services = ["lambda.amazonaws.com"]
    managed_policy_arns = [
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
      "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
    ]
  }
}
