# KMS policies.
package tforch.aws.kms

import data.tforch.lib
import data.tforch.lib.correlate
import data.tforch.lib.iam
import data.tforch.lib.plan

# METADATA
# title: KMS keys must have automatic rotation enabled
# description: >-
#   Symmetric encryption keys (customer_master_key_spec SYMMETRIC_DEFAULT) must set
#   enable_key_rotation = true. Asymmetric and HMAC keys do not support rotation and
#   are not checked.
# custom:
#   id: AWS-KMS-001
#   severity: high
#   remediation: Set enable_key_rotation = true on the aws_kms_key.
deny contains result if {
	some key in plan.resources("aws_kms_key")
	symmetric(key)
	plan.not_true(key, "enable_key_rotation")
	result := lib.result(rego.metadata.rule(), key, "automatic key rotation (enable_key_rotation) is not enabled")
}

# METADATA
# title: KMS key rotation period should not exceed one year
# description: rotation_period_in_days above 365 rotates key material less often than the AWS default.
# custom:
#   id: AWS-KMS-002
#   severity: low
#   remediation: Set rotation_period_in_days to 365 or less (or leave the default of 365).
warn contains result if {
	some key in plan.resources("aws_kms_key")
	period := plan.value(key, "rotation_period_in_days")
	is_number(period)
	period > 365
	result := lib.result(rego.metadata.rule(), key, sprintf("rotation_period_in_days is %v (> 365)", [period]))
}

# METADATA
# title: KMS key deletion window should be 30 days
# description: A short deletion_window_in_days leaves little time to cancel an accidental key deletion, which makes all data encrypted with the key unrecoverable.
# custom:
#   id: AWS-KMS-003
#   severity: low
#   remediation: Set deletion_window_in_days = 30.
warn contains result if {
	some key in plan.resources_in({"aws_kms_key", "aws_kms_replica_key", "aws_kms_external_key"})
	window := plan.value(key, "deletion_window_in_days")
	is_number(window)
	window < 30
	result := lib.result(rego.metadata.rule(), key, sprintf("deletion_window_in_days is %v (< 30)", [window]))
}

# METADATA
# title: KMS key policy must not allow public access
# description: >-
#   An Allow statement for Principal "*" without a restricting condition
#   (kms:CallerAccount, aws:PrincipalOrgID, aws:SourceAccount, ...) lets any AWS
#   account use or manage the key.
# custom:
#   id: AWS-KMS-004
#   severity: critical
#   remediation: Name the account root or specific roles as principals, or add a kms:CallerAccount / aws:PrincipalOrgID condition.
deny contains result if {
	some rc in key_policy_holders
	doc := iam.doc_at(rc, "policy")
	some s in iam.statements(doc)
	iam.public_allow(s)
	result := lib.result(rego.metadata.rule(), rc, sprintf("key policy statement %s allows a public principal", [iam.sid(s)]))
}

# METADATA
# title: KMS key policy must not grant wildcard actions except to the account root
# description: >-
#   Allow statements with Action "*" or "kms:*" give full control of the key. The
#   only accepted case is the AWS default statement that grants kms:* to the
#   account root (arn:aws:iam::<account>:root), which delegates access control to
#   IAM policies; any other principal must get specific actions.
# custom:
#   id: AWS-KMS-005
#   severity: high
#   remediation: Grant key administrators and users the specific kms actions they need (kms:Encrypt, kms:Decrypt, kms:Describe*, ...).
deny contains result if {
	some rc in key_policy_holders
	doc := iam.doc_at(rc, "policy")
	some s in iam.allow_statements(doc)
	wildcards := iam.wildcard_actions(s)
	count(wildcards) > 0
	not root_only(s)
	result := lib.result(
		rego.metadata.rule(), rc,
		sprintf("key policy statement %s grants %v to principals other than the account root", [iam.sid(s), sort(wildcards)]),
	)
}

# METADATA
# title: KMS key policy lockout safety check must not be bypassed
# description: bypass_policy_lockout_safety_check = true allows a key policy that locks every principal out of the key.
# custom:
#   id: AWS-KMS-006
#   severity: high
#   remediation: Remove bypass_policy_lockout_safety_check or set it to false.
warn contains result if {
	some rc in plan.resources_in({"aws_kms_key", "aws_kms_key_policy", "aws_kms_replica_key", "aws_kms_external_key"})
	plan.is_true(rc, "bypass_policy_lockout_safety_check")
	result := lib.result(rego.metadata.rule(), rc, "bypass_policy_lockout_safety_check is enabled")
}

# METADATA
# title: KMS key should have an alias
# description: An aws_kms_alias (target_key_id referencing the key) makes the key identifiable and lets applications refer to it without its id.
# custom:
#   id: AWS-KMS-007
#   severity: low
#   remediation: Add an aws_kms_alias with name = "alias/<purpose>" and target_key_id = aws_kms_key.<name>.key_id.
warn contains result if {
	some key in plan.resources("aws_kms_key")
	not correlate.has_related(key, "aws_kms_alias", "target_key_id", "key_id")
	not correlate.has_related(key, "aws_kms_alias", "target_key_id", "arn")
	result := lib.result(rego.metadata.rule(), key, "no aws_kms_alias targets the key")
}

# METADATA
# title: KMS key should have a description
# description: The description is shown in the console and in CloudTrail and documents what the key protects.
# custom:
#   id: AWS-KMS-008
#   severity: low
#   remediation: Set description on the aws_kms_key.
warn contains result if {
	some key in plan.resources("aws_kms_key")
	plan.blank(plan.value(key, "description"))
	result := lib.result(rego.metadata.rule(), key, "the key has no description")
}

# --- helpers -----------------------------------------------------------------

# Resources that carry a key policy.
key_policy_holders := plan.resources_in({"aws_kms_key", "aws_kms_key_policy", "aws_kms_replica_key", "aws_kms_external_key"})

symmetric(key) if plan.value(key, "customer_master_key_spec") in {null, "SYMMETRIC_DEFAULT"}

# root_only(s): every principal of the statement is an account root.
root_only(s) if {
	principals := iam.principal_values(s)
	count(principals) > 0
	every p in principals {
		iam.account_root(p)
	}
}
