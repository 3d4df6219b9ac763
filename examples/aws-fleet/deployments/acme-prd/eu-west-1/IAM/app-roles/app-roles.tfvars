# app-roles: roles of the application workloads in acme-prd / eu-west-1.
account_name = "acme-prd"
region       = "eu-west-1"
environment  = "prd"

tags = {
  Owner       = "security-team@acme.example"
  Team        = "security"
  Environment = "prd"
  CostCenter  = "CC-2001"
}

iam_roles = {
  "acme-prd-euw1-app-ecs-task" = {
    description          = "Task role of the application services"
    assume_role_services = ["ecs-tasks.amazonaws.com"]
    managed_policy_arns  = ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
  }
  "acme-prd-euw1-app-lambda" = {
    description          = "Execution role of the application lambdas"
    assume_role_services = ["lambda.amazonaws.com"]
    managed_policy_arns = [
      "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
      "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
    ]
  }
}
