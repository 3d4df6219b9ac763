package tforch_test.aws.kms

import data.tforch.aws.kms
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in kms.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in kms.warn with input as p
	r.id == id
}

key := fx.after_unknown(
	fx.create("aws_kms_key", "data", {
		"bypass_policy_lockout_safety_check": false,
		"custom_key_store_id": null,
		"customer_master_key_spec": "SYMMETRIC_DEFAULT",
		"deletion_window_in_days": 30,
		"description": "Encrypts the acme-data bucket",
		"enable_key_rotation": true,
		"is_enabled": true,
		"key_usage": "ENCRYPT_DECRYPT",
		"policy": fx.policy([root_statement]),
		"rotation_period_in_days": 365,
		"tags": fx.tags,
		"tags_all": fx.tags,
		"timeouts": null,
		"xks_key_id": null,
	}),
	{"arn": true, "id": true, "key_id": true, "multi_region": true},
)

root_statement := {
	"Sid": "EnableIAMUserPermissions",
	"Effect": "Allow",
	"Principal": {"AWS": "arn:aws:iam::111122223333:root"},
	"Action": "kms:*",
	"Resource": "*",
}

alias := fx.unknown(fx.create("aws_kms_alias", "data", {"name": "alias/acme-data", "name_prefix": null}), ["target_key_id", "arn", "id"])

alias_config := {"resources": [
	fx.cfg("aws_kms_key", "data", {}),
	fx.cfg("aws_kms_alias", "data", {
		"name": fx.const("alias/acme-data"),
		"target_key_id": {"references": ["aws_kms_key.data.key_id", "aws_kms_key.data"]},
	}),
]}

with_policy(statements) := fx.set(key, {"policy": fx.policy(statements)})

test_compliant_key_has_no_findings if {
	count(kms.deny) == 0 with input as fx.plan_with_config([key, alias], alias_config)
	count(kms.warn) == 0 with input as fx.plan_with_config([key, alias], alias_config)
}

# AWS-KMS-001
test_kms_001_rotation_disabled_denied if denied("AWS-KMS-001", fx.plan([fx.set(key, {"enable_key_rotation": false})]))

test_kms_001_rotation_null_denied if denied("AWS-KMS-001", fx.plan([fx.set(key, {"enable_key_rotation": null})]))

test_kms_001_rotation_enabled_ok if not denied("AWS-KMS-001", fx.plan([key]))

test_kms_001_asymmetric_key_ok if {
	rc := fx.set(key, {"enable_key_rotation": false, "customer_master_key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY"})
	not denied("AWS-KMS-001", fx.plan([rc]))
}

test_kms_001_unknown_rotation_ok if not denied("AWS-KMS-001", fx.plan([fx.unknown(key, ["enable_key_rotation"])]))

test_kms_001_updated_key_denied if denied("AWS-KMS-001", fx.plan([fx.updated(fx.set(key, {"enable_key_rotation": false}))]))

test_kms_001_deleted_key_ignored if not denied("AWS-KMS-001", fx.plan([fx.deleted(fx.set(key, {"enable_key_rotation": false}))]))

test_kms_001_noop_key_ignored if not denied("AWS-KMS-001", fx.plan([fx.unchanged(fx.set(key, {"enable_key_rotation": false}))]))

# AWS-KMS-002
test_kms_002_long_rotation_warned if warned("AWS-KMS-002", fx.plan([fx.set(key, {"rotation_period_in_days": 730})]))

test_kms_002_default_rotation_ok if not warned("AWS-KMS-002", fx.plan([key]))

# AWS-KMS-003
test_kms_003_short_window_warned if warned("AWS-KMS-003", fx.plan([fx.set(key, {"deletion_window_in_days": 7})]))

test_kms_003_thirty_days_ok if not warned("AWS-KMS-003", fx.plan([key]))

# AWS-KMS-004
test_kms_004_public_key_policy_denied if {
	stmt := {"Sid": "Everyone", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["kms:Decrypt"], "Resource": "*"}
	denied("AWS-KMS-004", fx.plan([with_policy([root_statement, stmt])]))
}

test_kms_004_public_with_caller_account_ok if {
	stmt := {
		"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["kms:Decrypt"], "Resource": "*",
		"Condition": {"StringEquals": {"kms:CallerAccount": "111122223333", "kms:ViaService": "s3.eu-west-1.amazonaws.com"}},
	}
	not denied("AWS-KMS-004", fx.plan([with_policy([root_statement, stmt])]))
}

test_kms_004_separate_key_policy_resource_denied if {
	stmt := {"Effect": "Allow", "Principal": "*", "Action": "kms:Encrypt", "Resource": "*"}
	rc := fx.unknown(fx.create("aws_kms_key_policy", "data", {"bypass_policy_lockout_safety_check": false, "policy": fx.policy([stmt])}), ["key_id"])
	denied("AWS-KMS-004", fx.plan([rc]))
}

# AWS-KMS-005
test_kms_005_wildcard_for_role_denied if {
	stmt := {"Sid": "Admins", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Admin"}, "Action": "kms:*", "Resource": "*"}
	denied("AWS-KMS-005", fx.plan([with_policy([root_statement, stmt])]))
}

test_kms_005_root_kms_star_ok if not denied("AWS-KMS-005", fx.plan([key]))

test_kms_005_root_account_id_ok if {
	stmt := object.union(root_statement, {"Principal": {"AWS": ["111122223333"]}, "Action": ["*"]})
	not denied("AWS-KMS-005", fx.plan([with_policy([stmt])]))
}

test_kms_005_specific_actions_ok if {
	stmt := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*"}
	not denied("AWS-KMS-005", fx.plan([with_policy([root_statement, stmt])]))
}

test_kms_005_unknown_policy_ok if {
	stmt := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "*", "Resource": "*"}
	not denied("AWS-KMS-005", fx.plan([fx.unknown(with_policy([stmt]), ["policy"])]))
}

# AWS-KMS-006
test_kms_006_bypass_warned if warned("AWS-KMS-006", fx.plan([fx.set(key, {"bypass_policy_lockout_safety_check": true})]))

test_kms_006_no_bypass_ok if not warned("AWS-KMS-006", fx.plan([key]))

# AWS-KMS-007
test_kms_007_no_alias_warned if warned("AWS-KMS-007", fx.plan([key]))

test_kms_007_alias_by_reference_ok if not warned("AWS-KMS-007", fx.plan_with_config([key, alias], alias_config))

test_kms_007_alias_by_value_ok if {
	existing := fx.unchanged(fx.set(fx.after_unknown(key, {"key_id": false}), {"key_id": "1234abcd-12ab-34cd-56ef-1234567890ab"}))
	updated := fx.updated(fx.set(existing, {"description": "new"}))
	a := fx.create("aws_kms_alias", "data", {"name": "alias/acme-data", "name_prefix": null, "target_key_id": "1234abcd-12ab-34cd-56ef-1234567890ab"})
	not warned("AWS-KMS-007", fx.plan([updated, a]))
}

# AWS-KMS-008
test_kms_008_no_description_warned if warned("AWS-KMS-008", fx.plan([fx.set(key, {"description": ""})]))

test_kms_008_description_ok if not warned("AWS-KMS-008", fx.plan([key]))
