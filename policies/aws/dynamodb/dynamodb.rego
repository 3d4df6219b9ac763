# DynamoDB and DAX policies.
package tforch.aws.dynamodb

import data.tforch.lib
import data.tforch.lib.iam
import data.tforch.lib.plan

# METADATA
# title: DynamoDB tables should enable point-in-time recovery
# description: Point-in-time recovery restores a table to any second of the last 35 days after accidental writes or deletes.
# custom:
#   id: AWS-DYNAMODB-001
#   severity: medium
#   remediation: Add point_in_time_recovery { enabled = true }.
warn contains result if {
	some table in plan.resources("aws_dynamodb_table")
	not pitr_enabled(table)
	not plan.unknown(table, "point_in_time_recovery")
	not pitr_unknown(table)
	result := lib.result(rego.metadata.rule(), table, "point-in-time recovery is not enabled")
}

# METADATA
# title: DynamoDB tables should use a customer managed KMS key
# description: >-
#   Tables are always encrypted, by default with an AWS owned key that cannot be
#   audited or restricted. server_side_encryption with enabled = true and a
#   kms_key_arn (or the aws/dynamodb key) gives key usage logs and key policies.
# custom:
#   id: AWS-DYNAMODB-002
#   severity: low
#   remediation: Add server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.<name>.arn }.
warn contains result if {
	some table in plan.resources("aws_dynamodb_table")
	not kms_encrypted(table)
	not plan.unknown(table, "server_side_encryption")
	result := lib.result(rego.metadata.rule(), table, "the table is encrypted with an AWS owned key (server_side_encryption not enabled)")
}

# METADATA
# title: DynamoDB tables should enable deletion protection
# description: deletion_protection_enabled prevents the table from being deleted by an accidental destroy or replacement.
# custom:
#   id: AWS-DYNAMODB-003
#   severity: low
#   remediation: Set deletion_protection_enabled = true.
warn contains result if {
	some table in plan.resources("aws_dynamodb_table")
	plan.not_true(table, "deletion_protection_enabled")
	result := lib.result(rego.metadata.rule(), table, "deletion_protection_enabled is not true")
}

# METADATA
# title: DynamoDB resource policies must not allow public access
# description: An aws_dynamodb_resource_policy Allow statement for Principal "*" without a restricting condition exposes the table or stream to every AWS account.
# custom:
#   id: AWS-DYNAMODB-004
#   severity: critical
#   remediation: Name specific principals or add an aws:PrincipalOrgID / aws:PrincipalAccount condition.
deny contains result if {
	some rc in plan.resources("aws_dynamodb_resource_policy")
	doc := iam.doc_at(rc, "policy")
	some s in iam.statements(doc)
	iam.public_allow(s)
	result := lib.result(rego.metadata.rule(), rc, sprintf("resource policy statement %s allows a public principal", [iam.sid(s)]))
}

# METADATA
# title: DAX clusters must encrypt data at rest
# description: DAX clusters are not encrypted at rest unless server_side_encryption is enabled (it cannot be changed later).
# custom:
#   id: AWS-DYNAMODB-005
#   severity: high
#   remediation: Add server_side_encryption { enabled = true } (replaces the cluster).
deny contains result if {
	some cluster in plan.resources("aws_dax_cluster")
	not dax_encrypted(cluster)
	not plan.unknown(cluster, "server_side_encryption")
	result := lib.result(rego.metadata.rule(), cluster, "encryption at rest (server_side_encryption) is not enabled")
}

# METADATA
# title: DAX clusters should encrypt traffic with TLS
# description: cluster_endpoint_encryption_type NONE sends cached items in clear text.
# custom:
#   id: AWS-DYNAMODB-006
#   severity: medium
#   remediation: Set cluster_endpoint_encryption_type = "TLS" (replaces the cluster).
warn contains result if {
	some cluster in plan.resources("aws_dax_cluster")
	encryption := plan.value(cluster, "cluster_endpoint_encryption_type")
	encryption != "TLS"
	result := lib.result(rego.metadata.rule(), cluster, sprintf("cluster_endpoint_encryption_type is %v", [encryption]))
}

# METADATA
# title: DynamoDB global table replicas should enable point-in-time recovery
# description: Each replica has its own point_in_time_recovery setting, which defaults to false.
# custom:
#   id: AWS-DYNAMODB-007
#   severity: low
#   remediation: Set point_in_time_recovery = true in every replica block.
warn contains result if {
	some table in plan.resources("aws_dynamodb_table")
	some i, _ in plan.list(table, "replica")
	plan.not_true(table, ["replica", i, "point_in_time_recovery"])
	region := plan.value_or(table, ["replica", i, "region_name"], "?")
	result := lib.result(rego.metadata.rule(), table, sprintf("replica in %s has no point-in-time recovery", [region]))
}

# METADATA
# title: DynamoDB resource policies must not allow wildcard actions
# description: Allow statements with Action "*" or "dynamodb:*" grant every operation on the table, including deleting it.
# custom:
#   id: AWS-DYNAMODB-008
#   severity: high
#   remediation: List the specific DynamoDB actions the principal needs.
deny contains result if {
	some rc in plan.resources("aws_dynamodb_resource_policy")
	doc := iam.doc_at(rc, "policy")
	some s in iam.allow_statements(doc)
	wildcards := iam.wildcard_actions(s)
	count(wildcards) > 0
	result := lib.result(rego.metadata.rule(), rc, sprintf("resource policy statement %s allows wildcard actions %v", [iam.sid(s), sort(wildcards)]))
}

# --- helpers -----------------------------------------------------------------

pitr_enabled(table) if {
	some i, _ in plan.list(table, "point_in_time_recovery")
	plan.is_true(table, ["point_in_time_recovery", i, "enabled"])
}

pitr_unknown(table) if {
	some i, _ in plan.list(table, "point_in_time_recovery")
	plan.unknown(table, ["point_in_time_recovery", i, "enabled"])
}

kms_encrypted(table) if {
	some i, _ in plan.list(table, "server_side_encryption")
	plan.is_true(table, ["server_side_encryption", i, "enabled"])
}

dax_encrypted(cluster) if {
	some i, _ in plan.list(cluster, "server_side_encryption")
	plan.is_true(cluster, ["server_side_encryption", i, "enabled"])
}
