package tforch_test.aws.lambda

import data.tforch.aws.lambda
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in lambda.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in lambda.warn with input as p
	r.id == id
}

fn := fx.after_unknown(
	fx.create("aws_lambda_function", "api", {
		"architectures": ["arm64"],
		"code_signing_config_arn": "arn:aws:lambda:eu-west-1:111122223333:code-signing-config:csc-0123456789abcdef0",
		"dead_letter_config": [{"target_arn": "arn:aws:sqs:eu-west-1:111122223333:api-dlq"}],
		"description": "API handler",
		"environment": [{"variables": {"LOG_LEVEL": "info", "DB_PASSWORD_SECRET_ARN": "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf"}}],
		"ephemeral_storage": [{"size": 512}],
		"filename": "build/api.zip",
		"function_name": "api",
		"handler": "index.handler",
		"image_uri": null,
		"kms_key_arn": null,
		"layers": null,
		"memory_size": 256,
		"package_type": "Zip",
		"publish": false,
		"reserved_concurrent_executions": -1,
		"role": "arn:aws:iam::111122223333:role/api",
		"runtime": "nodejs22.x",
		"tags": fx.tags,
		"tags_all": fx.tags,
		"timeout": 10,
		"tracing_config": [{"mode": "Active"}],
		"vpc_config": [{"ipv6_allowed_for_dual_stack": false, "security_group_ids": ["sg-0123456789abcdef0"], "subnet_ids": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]}],
	}),
	{
		"arn": true, "id": true, "invoke_arn": true, "last_modified": true, "qualified_arn": true,
		"qualified_invoke_arn": true, "signing_job_arn": true, "signing_profile_version_arn": true,
		"source_code_hash": true, "source_code_size": true, "version": true,
		"vpc_config": [{"vpc_id": true}],
	},
)

permission(principal, extra) := fx.unknown(
	fx.create("aws_lambda_permission", "invoke", object.union(
		{
			"action": "lambda:InvokeFunction",
			"event_source_token": null,
			"function_name": "api",
			"function_url_auth_type": null,
			"principal": principal,
			"principal_org_id": null,
			"qualifier": null,
			"source_account": null,
			"source_arn": null,
			"statement_id": "AllowInvoke",
		},
		extra,
	)),
	["id", "statement_id_prefix"],
)

test_compliant_function_has_no_findings if {
	p := fx.plan([fn, permission("events.amazonaws.com", {"source_arn": "arn:aws:events:eu-west-1:111122223333:rule/nightly"})])
	count(lambda.deny) == 0 with input as p
	count(lambda.warn) == 0 with input as p
}

# AWS-LAMBDA-001
test_lambda_001_public_permission_denied if denied("AWS-LAMBDA-001", fx.plan([permission("*", {})]))

test_lambda_001_public_with_org_ok if not denied("AWS-LAMBDA-001", fx.plan([permission("*", {"principal_org_id": "o-a1b2c3d4e5"})]))

test_lambda_001_unknown_source_ok if not denied("AWS-LAMBDA-001", fx.plan([fx.unknown(permission("*", {}), ["source_arn"])]))

test_lambda_001_account_principal_ok if not denied("AWS-LAMBDA-001", fx.plan([permission("222233334444", {})]))

# AWS-LAMBDA-002
url(auth) := fx.unknown(fx.create("aws_lambda_function_url", "api", {"authorization_type": auth, "cors": [], "function_name": "api", "invoke_mode": "BUFFERED", "qualifier": null}), ["function_arn", "function_url", "id", "url_id"])

test_lambda_002_url_without_auth_denied if denied("AWS-LAMBDA-002", fx.plan([url("NONE")]))

test_lambda_002_url_with_iam_ok if not denied("AWS-LAMBDA-002", fx.plan([url("AWS_IAM")]))

# AWS-LAMBDA-003
test_lambda_003_passthrough_warned if warned("AWS-LAMBDA-003", fx.plan([fx.set(fn, {"tracing_config": [{"mode": "PassThrough"}]})]))

test_lambda_003_active_ok if not warned("AWS-LAMBDA-003", fx.plan([fn]))

test_lambda_003_unknown_ok if not warned("AWS-LAMBDA-003", fx.plan([fx.unknown(fn, ["tracing_config"])]))

# AWS-LAMBDA-004
test_lambda_004_no_dlq_warned if warned("AWS-LAMBDA-004", fx.plan([fx.set(fn, {"dead_letter_config": []})]))

test_lambda_004_dlq_ok if not warned("AWS-LAMBDA-004", fx.plan([fn]))

# AWS-LAMBDA-005
test_lambda_005_no_vpc_warned if warned("AWS-LAMBDA-005", fx.plan([fx.set(fn, {"vpc_config": []})]))

test_lambda_005_vpc_ok if not warned("AWS-LAMBDA-005", fx.plan([fn]))

test_lambda_005_unknown_subnets_ok if {
	rc := fx.after_unknown(fx.set(fn, {"vpc_config": [{"ipv6_allowed_for_dual_stack": false, "security_group_ids": ["sg-0123456789abcdef0"]}]}), {"vpc_config": [{"subnet_ids": true}]})
	not warned("AWS-LAMBDA-005", fx.plan([rc]))
}

# AWS-LAMBDA-006
test_lambda_006_python38_warned if warned("AWS-LAMBDA-006", fx.plan([fx.set(fn, {"runtime": "python3.8"})]))

test_lambda_006_current_runtime_ok if not warned("AWS-LAMBDA-006", fx.plan([fn]))

# AWS-LAMBDA-007
test_lambda_007_plaintext_secret_denied if {
	rc := fx.set(fn, {"environment": [{"variables": {"LOG_LEVEL": "info", "STRIPE_API_KEY": "sk_live_51H8xyz"}}]})
	some r in lambda.deny with input as fx.plan([rc])
	r.id == "AWS-LAMBDA-007"
	contains(r.msg, "STRIPE_API_KEY")
	not contains(r.msg, "sk_live")
}

test_lambda_007_secret_arn_ok if not denied("AWS-LAMBDA-007", fx.plan([fn]))

test_lambda_007_unknown_value_ok if {
	rc := fx.after_unknown(fx.set(fn, {"environment": [{"variables": {"LOG_LEVEL": "info"}}]}), {"environment": [{"variables": {"DB_PASSWORD": true}}]})
	not denied("AWS-LAMBDA-007", fx.plan([rc]))
}

# AWS-LAMBDA-008
test_lambda_008_no_code_signing_warned if warned("AWS-LAMBDA-008", fx.plan([fx.set(fn, {"code_signing_config_arn": null})]))

test_lambda_008_code_signing_ok if not warned("AWS-LAMBDA-008", fx.plan([fn]))

test_lambda_008_container_image_ok if not warned("AWS-LAMBDA-008", fx.plan([fx.set(fn, {"code_signing_config_arn": null, "package_type": "Image"})]))

# AWS-LAMBDA-009
test_lambda_009_s3_without_source_warned if warned("AWS-LAMBDA-009", fx.plan([permission("s3.amazonaws.com", {})]))

test_lambda_009_s3_with_source_ok if {
	rc := permission("s3.amazonaws.com", {"source_arn": "arn:aws:s3:::acme-data", "source_account": "111122223333"})
	not warned("AWS-LAMBDA-009", fx.plan([rc]))
}

# AWS-LAMBDA-010
layer_permission(principal, org) := fx.unknown(
	fx.create("aws_lambda_layer_version_permission", "shared", {
		"action": "lambda:GetLayerVersion",
		"layer_name": "arn:aws:lambda:eu-west-1:111122223333:layer:common",
		"organization_id": org,
		"principal": principal,
		"skip_destroy": false,
		"statement_id": "share",
		"version_number": 3,
	}),
	["id", "policy", "revision_id"],
)

test_lambda_010_public_layer_denied if denied("AWS-LAMBDA-010", fx.plan([layer_permission("*", null)]))

test_lambda_010_org_layer_ok if not denied("AWS-LAMBDA-010", fx.plan([layer_permission("*", "o-a1b2c3d4e5")]))
