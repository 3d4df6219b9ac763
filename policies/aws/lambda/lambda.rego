# Lambda policies.
package tforch.aws.lambda

import data.tforch.lib
import data.tforch.lib.plan

# METADATA
# title: Lambda functions must not be invocable by everyone
# description: >-
#   An aws_lambda_permission with principal "*" and no source_arn, source_account
#   or principal_org_id lets any AWS account (or anyone, for function URLs) invoke
#   the function.
# custom:
#   id: AWS-LAMBDA-001
#   severity: critical
#   remediation: Set principal to the calling service or account and restrict it with source_arn, source_account or principal_org_id.
deny contains result if {
	some permission in plan.resources("aws_lambda_permission")
	plan.value(permission, "principal") == "*"
	not source_restricted(permission)
	result := lib.result(rego.metadata.rule(), permission, "grants lambda invoke permission to principal \"*\" without a source restriction")
}

# METADATA
# title: Lambda function URLs must require IAM authentication
# description: A function URL with authorization_type NONE is a public HTTPS endpoint.
# custom:
#   id: AWS-LAMBDA-002
#   severity: high
#   remediation: Set authorization_type = "AWS_IAM" (front public endpoints with API Gateway or CloudFront and authentication).
deny contains result if {
	some url in plan.resources("aws_lambda_function_url")
	plan.value(url, "authorization_type") == "NONE"
	result := lib.result(rego.metadata.rule(), url, "function URL allows unauthenticated access (authorization_type = NONE)")
}

# METADATA
# title: Lambda functions should enable X-Ray active tracing
# description: tracing_config.mode = "Active" records traces needed to investigate incidents and latency.
# custom:
#   id: AWS-LAMBDA-003
#   severity: low
#   remediation: Add tracing_config { mode = "Active" } and allow xray:PutTraceSegments in the execution role.
warn contains result if {
	some fn in plan.resources("aws_lambda_function")
	some mode in tracing_modes(fn)
	mode != "Active"
	result := lib.result(rego.metadata.rule(), fn, sprintf("tracing mode is %q", [mode]))
}

# METADATA
# title: Lambda functions should have a dead-letter queue
# description: Failed asynchronous invocations are dropped unless a dead_letter_config (or an on-failure destination) captures them.
# custom:
#   id: AWS-LAMBDA-004
#   severity: low
#   remediation: Add dead_letter_config { target_arn = <SQS queue or SNS topic ARN> }.
warn contains result if {
	some fn in plan.resources("aws_lambda_function")
	plan.list(fn, "dead_letter_config") == []
	result := lib.result(rego.metadata.rule(), fn, "no dead_letter_config is configured")
}

# METADATA
# title: Lambda functions should run in a VPC
# description: Functions that access private resources should run in VPC subnets so that network controls apply (AWS Security Hub Lambda.3).
# custom:
#   id: AWS-LAMBDA-005
#   severity: low
#   remediation: Add vpc_config { subnet_ids = [...], security_group_ids = [...] }.
warn contains result if {
	some fn in plan.resources("aws_lambda_function")
	not in_vpc(fn)
	not plan.unknown(fn, "vpc_config")
	result := lib.result(rego.metadata.rule(), fn, "the function is not attached to a VPC")
}

# METADATA
# title: Lambda functions should not use deprecated runtimes
# description: Deprecated runtimes no longer receive security patches and cannot be updated after the block date.
# custom:
#   id: AWS-LAMBDA-006
#   severity: high
#   remediation: Upgrade to a supported runtime (e.g. python3.13, nodejs22.x, java21, provided.al2023).
warn contains result if {
	some fn in plan.resources("aws_lambda_function")
	runtime := plan.value(fn, "runtime")
	runtime in deprecated_runtimes
	result := lib.result(rego.metadata.rule(), fn, sprintf("runtime %q is deprecated", [runtime]))
}

# METADATA
# title: Lambda environment variables must not contain plaintext secrets
# description: >-
#   Variables whose name looks like a secret (PASSWORD, SECRET, TOKEN, API_KEY,
#   PRIVATE_KEY, ACCESS_KEY) with a literal value are stored in plain text in the
#   state and visible in the console. Values that are ARNs or SSM/Secrets Manager
#   references are accepted.
# custom:
#   id: AWS-LAMBDA-007
#   severity: high
#   remediation: Store the secret in Secrets Manager or SSM Parameter Store and pass its ARN or name; read it at runtime.
deny contains result if {
	some fn in plan.resources("aws_lambda_function")
	some i, _ in plan.list(fn, "environment")
	variables := plan.value(fn, ["environment", i, "variables"])
	is_object(variables)
	some name, value in variables
	secret_name(name)
	literal_secret(value)
	result := lib.result(rego.metadata.rule(), fn, sprintf("environment variable %s holds a plaintext secret", [name]))
}

# METADATA
# title: Lambda functions should use code signing
# description: A code signing configuration ensures only code signed by trusted publishers is deployed (zip packages only).
# custom:
#   id: AWS-LAMBDA-008
#   severity: low
#   remediation: Create an aws_lambda_code_signing_config and set code_signing_config_arn.
warn contains result if {
	some fn in plan.resources("aws_lambda_function")
	plan.value(fn, "package_type") in {null, "Zip"}
	plan.blank(plan.value(fn, "code_signing_config_arn"))
	result := lib.result(rego.metadata.rule(), fn, "no code_signing_config_arn is set")
}

# METADATA
# title: Lambda permissions for AWS services should name the source
# description: >-
#   A permission for a service principal (s3.amazonaws.com, sns.amazonaws.com, ...)
#   without source_arn or source_account lets resources of other accounts trigger
#   the function (confused deputy).
# custom:
#   id: AWS-LAMBDA-009
#   severity: medium
#   remediation: Set source_arn to the triggering resource (and source_account for S3).
warn contains result if {
	some permission in plan.resources("aws_lambda_permission")
	principal := plan.value(permission, "principal")
	is_string(principal)
	endswith(principal, ".amazonaws.com")
	not source_restricted(permission)
	result := lib.result(rego.metadata.rule(), permission, sprintf("permission for %s has no source_arn or source_account", [principal]))
}

# METADATA
# title: Lambda layers must not be shared publicly
# description: An aws_lambda_layer_version_permission with principal "*" and no organization_id shares the layer with every AWS account.
# custom:
#   id: AWS-LAMBDA-010
#   severity: high
#   remediation: Share the layer with specific account ids or set organization_id.
deny contains result if {
	some permission in plan.resources("aws_lambda_layer_version_permission")
	plan.value(permission, "principal") == "*"
	plan.blank(plan.value(permission, "organization_id"))
	result := lib.result(rego.metadata.rule(), permission, "shares the layer version with every AWS account")
}

# --- helpers -----------------------------------------------------------------

deprecated_runtimes := {
	"dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "dotnet7",
	"go1.x",
	"java8",
	"nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x", "nodejs14.x", "nodejs16.x", "nodejs18.x",
	"python2.7", "python3.6", "python3.7", "python3.8",
	"ruby2.5", "ruby2.7", "ruby3.2",
	"provided",
}

source_restricted(permission) if not plan.blank(plan.value(permission, "source_arn"))

source_restricted(permission) if not plan.blank(plan.value(permission, "source_account"))

source_restricted(permission) if not plan.blank(plan.value(permission, "principal_org_id"))

# An unknown restriction may be set: do not report.
source_restricted(permission) if {
	some attr in ["source_arn", "source_account", "principal_org_id"]
	plan.unknown(permission, attr)
}

tracing_modes(fn) := {mode |
	some i, _ in plan.list(fn, "tracing_config")
	mode := plan.value(fn, ["tracing_config", i, "mode"])
}

in_vpc(fn) if {
	some i, _ in plan.list(fn, "vpc_config")
	subnets := plan.value_or(fn, ["vpc_config", i, "subnet_ids"], ["<unknown>"])
	count(subnets) > 0
}

secret_name(name) if regex.match(`(?i)(password|passwd|secret|token|api_?key|private_?key|access_?key)`, name)

literal_secret(value) if {
	is_string(value)
	trim_space(value) != ""
	not reference_value(value)
}

reference_value(value) if startswith(value, "arn:")

reference_value(value) if startswith(value, "{{resolve:")

reference_value(value) if startswith(value, "/")
