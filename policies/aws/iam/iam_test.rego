package tforch_test.aws.iam

import data.tforch.aws.iam
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in iam.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in iam.warn with input as p
	r.id == id
}

managed_policy(statements) := fx.after_unknown(
	fx.create("aws_iam_policy", "app", {
		"description": "Application access",
		"name": "app",
		"name_prefix": null,
		"path": "/",
		"policy": fx.policy(statements),
		"tags": fx.tags,
		"tags_all": fx.tags,
	}),
	{"arn": true, "attachment_count": true, "id": true, "policy_id": true},
)

role_policy(statements) := fx.unknown(
	fx.create("aws_iam_role_policy", "app", {"name": "app", "name_prefix": null, "policy": fx.policy(statements), "role": "app"}),
	["id"],
)

user_policy(statements) := fx.create("aws_iam_user_policy", "ci", {"name": "ci", "name_prefix": null, "policy": fx.policy(statements), "user": "ci"})

group_policy(statements) := fx.create("aws_iam_group_policy", "devs", {"group": "devs", "name": "devs", "name_prefix": null, "policy": fx.policy(statements)})

read_statement := {"Sid": "Read", "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]}

ec2_trust := {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}

role(trust, extra) := fx.after_unknown(
	fx.create("aws_iam_role", "app", object.union(
		{
			"assume_role_policy": fx.policy(trust),
			"description": null,
			"force_detach_policies": false,
			"max_session_duration": 3600,
			"name": "app",
			"name_prefix": null,
			"path": "/",
			"permissions_boundary": null,
			"tags": fx.tags,
			"tags_all": fx.tags,
		},
		extra,
	)),
	{"arn": true, "create_date": true, "id": true, "inline_policy": true, "managed_policy_arns": true, "unique_id": true},
)

test_compliant_iam_has_no_findings if {
	p := fx.plan([managed_policy([read_statement]), role_policy([read_statement]), group_policy([read_statement]), role([ec2_trust], {})])
	count(iam.deny) == 0 with input as p
	count(iam.warn) == 0 with input as p
}

# AWS-IAM-001
test_iam_001_star_action_denied if denied("AWS-IAM-001", fx.plan([managed_policy([{"Effect": "Allow", "Action": "*", "Resource": "*"}])]))

test_iam_001_star_in_role_policy_denied if denied("AWS-IAM-001", fx.plan([role_policy([read_statement, {"Effect": "Allow", "Action": ["*"], "Resource": "*"}])]))

test_iam_001_star_in_user_policy_denied if denied("AWS-IAM-001", fx.plan([user_policy([{"Effect": "Allow", "Action": "*", "Resource": "*"}])]))

test_iam_001_star_in_group_policy_denied if denied("AWS-IAM-001", fx.plan([group_policy([{"Effect": "Allow", "Action": "*:*", "Resource": "*"}])]))

test_iam_001_single_statement_object_denied if {
	doc := json.marshal({"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}})
	denied("AWS-IAM-001", fx.plan([fx.set(managed_policy([]), {"policy": doc})]))
}

test_iam_001_inline_role_policy_denied if {
	inline := [{"name": "admin", "policy": fx.policy([{"Effect": "Allow", "Action": "*", "Resource": "*"}])}]
	rc := fx.set(fx.after_unknown(role([ec2_trust], {}), {"inline_policy": false}), {"inline_policy": inline})
	some r in iam.deny with input as fx.plan([rc])
	r.id == "AWS-IAM-001"
	contains(r.msg, "inline policy \"admin\"")
}

test_iam_001_deny_statement_ok if not denied("AWS-IAM-001", fx.plan([managed_policy([read_statement, {"Effect": "Deny", "Action": "*", "Resource": "*"}])]))

test_iam_001_specific_actions_ok if not denied("AWS-IAM-001", fx.plan([managed_policy([read_statement])]))

test_iam_001_unknown_policy_ok if not denied("AWS-IAM-001", fx.plan([fx.unknown(managed_policy([{"Effect": "Allow", "Action": "*", "Resource": "*"}]), ["policy"])]))

test_iam_001_deleted_policy_ignored if not denied("AWS-IAM-001", fx.plan([fx.deleted(managed_policy([{"Effect": "Allow", "Action": "*", "Resource": "*"}]))]))

test_iam_001_noop_policy_ignored if not denied("AWS-IAM-001", fx.plan([fx.unchanged(managed_policy([{"Effect": "Allow", "Action": "*", "Resource": "*"}]))]))

test_iam_001_invalid_json_ignored if not denied("AWS-IAM-001", fx.plan([fx.set(managed_policy([]), {"policy": "{not json"})]))

# AWS-IAM-002
test_iam_002_service_wildcard_denied if denied("AWS-IAM-002", fx.plan([managed_policy([{"Effect": "Allow", "Action": ["s3:GetObject", "S3:*"], "Resource": "*"}])]))

test_iam_002_partial_wildcard_ok if not denied("AWS-IAM-002", fx.plan([managed_policy([{"Effect": "Allow", "Action": ["s3:Get*", "s3:List*"], "Resource": "*"}])]))

# AWS-IAM-003
test_iam_003_not_action_warned if warned("AWS-IAM-003", fx.plan([managed_policy([{"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}])]))

test_iam_003_deny_not_action_ok if not warned("AWS-IAM-003", fx.plan([managed_policy([read_statement, {"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}}])]))

# AWS-IAM-004
test_iam_004_write_on_all_resources_warned if warned("AWS-IAM-004", fx.plan([managed_policy([{"Effect": "Allow", "Action": ["ec2:TerminateInstances"], "Resource": "*"}])]))

test_iam_004_read_on_all_resources_ok if not warned("AWS-IAM-004", fx.plan([managed_policy([{"Effect": "Allow", "Action": ["ec2:DescribeInstances", "s3:ListAllMyBuckets"], "Resource": "*"}])]))

# AWS-IAM-005
test_iam_005_not_resource_warned if warned("AWS-IAM-005", fx.plan([managed_policy([{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"}])]))

test_iam_005_resource_ok if not warned("AWS-IAM-005", fx.plan([managed_policy([read_statement])]))

# AWS-IAM-006
test_iam_006_public_trust_denied if denied("AWS-IAM-006", fx.plan([role([{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}], {})]))

test_iam_006_public_trust_with_org_condition_ok if {
	stmt := {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}}
	not denied("AWS-IAM-006", fx.plan([role([stmt], {})]))
}

test_iam_006_service_trust_ok if not denied("AWS-IAM-006", fx.plan([role([ec2_trust], {})]))

# AWS-IAM-007
github_trust(condition) := {
	"Effect": "Allow",
	"Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
	"Action": "sts:AssumeRoleWithWebIdentity",
	"Condition": condition,
}

test_iam_007_github_without_sub_denied if {
	stmt := github_trust({"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}})
	denied("AWS-IAM-007", fx.plan([role([stmt], {})]))
}

test_iam_007_github_any_repo_denied if {
	stmt := github_trust({"StringLike": {"token.actions.githubusercontent.com:sub": "repo:*"}})
	denied("AWS-IAM-007", fx.plan([role([stmt], {})]))
}

test_iam_007_github_repo_restricted_ok if {
	stmt := github_trust({
		"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
		"StringLike": {"token.actions.githubusercontent.com:sub": ["repo:acme/infra:ref:refs/heads/main", "repo:acme/infra:environment:prod"]},
	})
	not denied("AWS-IAM-007", fx.plan([role([stmt], {})]))
}

# AWS-IAM-008
test_iam_008_user_policy_warned if warned("AWS-IAM-008", fx.plan([user_policy([read_statement])]))

test_iam_008_user_attachment_warned if {
	rc := fx.create("aws_iam_user_policy_attachment", "ci", {"policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess", "user": "ci"})
	warned("AWS-IAM-008", fx.plan([rc]))
}

test_iam_008_policy_attachment_users_warned if {
	rc := fx.create("aws_iam_policy_attachment", "ro", {"groups": null, "name": "ro", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess", "roles": null, "users": ["ci"]})
	warned("AWS-IAM-008", fx.plan([rc]))
}

test_iam_008_group_policy_ok if not warned("AWS-IAM-008", fx.plan([group_policy([read_statement])]))

# AWS-IAM-009
attachment(arn) := fx.unknown(fx.create("aws_iam_role_policy_attachment", "app", {"policy_arn": arn, "role": "app"}), ["id"])

test_iam_009_admin_attachment_denied if denied("AWS-IAM-009", fx.plan([attachment("arn:aws:iam::aws:policy/AdministratorAccess")]))

test_iam_009_admin_managed_policy_arns_denied if {
	rc := fx.set(fx.after_unknown(role([ec2_trust], {}), {"managed_policy_arns": false}), {"managed_policy_arns": ["arn:aws:iam::aws:policy/AdministratorAccess"]})
	denied("AWS-IAM-009", fx.plan([rc]))
}

test_iam_009_readonly_attachment_ok if not denied("AWS-IAM-009", fx.plan([attachment("arn:aws:iam::aws:policy/ReadOnlyAccess")]))

test_iam_009_unknown_arn_ok if not denied("AWS-IAM-009", fx.plan([fx.unknown(attachment("arn:aws:iam::aws:policy/AdministratorAccess"), ["policy_arn"])]))

# AWS-IAM-010
access_key(status) := fx.unknown(fx.create("aws_iam_access_key", "ci", {"pgp_key": null, "status": status, "user": "ci"}), ["id", "secret", "ses_smtp_password_v4", "create_date", "encrypted_secret", "key_fingerprint"])

test_iam_010_access_key_warned if warned("AWS-IAM-010", fx.plan([access_key("Active")]))

test_iam_010_inactive_key_ok if not warned("AWS-IAM-010", fx.plan([access_key("Inactive")]))

test_iam_010_deleted_key_ok if not warned("AWS-IAM-010", fx.plan([fx.deleted(access_key("Active"))]))

# AWS-IAM-011 .. 013
password_policy := fx.create("aws_iam_account_password_policy", "strict", {
	"allow_users_to_change_password": true,
	"hard_expiry": false,
	"max_password_age": 0,
	"minimum_password_length": 14,
	"password_reuse_prevention": 24,
	"require_lowercase_characters": true,
	"require_numbers": true,
	"require_symbols": true,
	"require_uppercase_characters": true,
})

test_iam_password_policy_compliant if {
	count(iam.warn) == 0 with input as fx.plan([password_policy])
}

test_iam_011_short_password_warned if warned("AWS-IAM-011", fx.plan([fx.set(password_policy, {"minimum_password_length": 8})]))

test_iam_011_long_password_ok if not warned("AWS-IAM-011", fx.plan([password_policy]))

test_iam_012_no_symbols_warned if {
	some r in iam.warn with input as fx.plan([fx.set(password_policy, {"require_symbols": false, "require_numbers": null})])
	r.id == "AWS-IAM-012"
	contains(r.msg, "require_numbers, require_symbols")
}

test_iam_012_complex_ok if not warned("AWS-IAM-012", fx.plan([password_policy]))

test_iam_013_reuse_unset_warned if warned("AWS-IAM-013", fx.plan([fx.set(password_policy, {"password_reuse_prevention": null})]))

test_iam_013_reuse_low_warned if warned("AWS-IAM-013", fx.plan([fx.set(password_policy, {"password_reuse_prevention": 5})]))

test_iam_013_reuse_ok if not warned("AWS-IAM-013", fx.plan([password_policy]))

test_iam_013_reuse_unknown_ok if not warned("AWS-IAM-013", fx.plan([fx.unknown(password_policy, ["password_reuse_prevention"])]))

# AWS-IAM-014
login_profile := fx.unknown(fx.create("aws_iam_user_login_profile", "alice", {"password_length": 20, "password_reset_required": true, "pgp_key": null, "user": "alice"}), ["id", "password", "encrypted_password", "key_fingerprint"])

test_iam_014_login_profile_warned if warned("AWS-IAM-014", fx.plan([login_profile]))

test_iam_014_no_login_profile_ok if not warned("AWS-IAM-014", fx.plan([fx.unchanged(login_profile)]))

# AWS-IAM-015
test_iam_015_passrole_star_denied if denied("AWS-IAM-015", fx.plan([managed_policy([{"Effect": "Allow", "Action": ["iam:PassRole"], "Resource": "*"}])]))

test_iam_015_pass_wildcard_denied if denied("AWS-IAM-015", fx.plan([role_policy([{"Effect": "Allow", "Action": "iam:Pass*", "Resource": ["*"]}])]))

test_iam_015_passrole_scoped_ok if {
	stmt := {
		"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/app-task",
		"Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}},
	}
	not denied("AWS-IAM-015", fx.plan([managed_policy([stmt])]))
}
