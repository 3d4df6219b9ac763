package tforch_test.aws.dynamodb

import data.tforch.aws.dynamodb
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in dynamodb.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in dynamodb.warn with input as p
	r.id == id
}

table := fx.unknown(
	fx.create("aws_dynamodb_table", "orders", {
		"attribute": [{"name": "pk", "type": "S"}],
		"billing_mode": "PAY_PER_REQUEST",
		"deletion_protection_enabled": true,
		"hash_key": "pk",
		"name": "orders",
		"point_in_time_recovery": [{"enabled": true}],
		"range_key": null,
		"replica": [],
		"server_side_encryption": [{"enabled": true, "kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}],
		"stream_enabled": false,
		"table_class": "STANDARD",
		"tags": fx.tags,
		"tags_all": fx.tags,
		"ttl": [{"attribute_name": "", "enabled": false}],
	}),
	["arn", "id", "stream_arn", "stream_label", "read_capacity", "write_capacity"],
)

resource_policy(statements) := fx.unknown(
	fx.create("aws_dynamodb_resource_policy", "orders", {"confirm_remove_self_resource_access": false, "policy": fx.policy(statements)}),
	["id", "resource_arn", "revision_id"],
)

reader := {"Sid": "Reader", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::222233334444:role/reporting"}, "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": "*"}

dax(sse, endpoint) := fx.unknown(
	fx.create("aws_dax_cluster", "cache", {
		"cluster_endpoint_encryption_type": endpoint,
		"cluster_name": "cache",
		"iam_role_arn": "arn:aws:iam::111122223333:role/dax",
		"node_type": "dax.r5.large",
		"replication_factor": 3,
		"server_side_encryption": sse,
		"tags": fx.tags,
		"tags_all": fx.tags,
	}),
	["arn", "cluster_address", "configuration_endpoint", "id", "nodes", "port"],
)

test_compliant_dynamodb_has_no_findings if {
	p := fx.plan([table, resource_policy([reader]), dax([{"enabled": true}], "TLS")])
	count(dynamodb.deny) == 0 with input as p
	count(dynamodb.warn) == 0 with input as p
}

# AWS-DYNAMODB-001
test_dynamodb_001_no_pitr_warned if warned("AWS-DYNAMODB-001", fx.plan([fx.set(table, {"point_in_time_recovery": [{"enabled": false}]})]))

test_dynamodb_001_pitr_ok if not warned("AWS-DYNAMODB-001", fx.plan([table]))

test_dynamodb_001_unknown_pitr_ok if not warned("AWS-DYNAMODB-001", fx.plan([fx.unknown(table, ["point_in_time_recovery"])]))

test_dynamodb_001_deleted_table_ignored if not warned("AWS-DYNAMODB-001", fx.plan([fx.deleted(fx.set(table, {"point_in_time_recovery": [{"enabled": false}]}))]))

# AWS-DYNAMODB-002
test_dynamodb_002_aws_owned_key_warned if warned("AWS-DYNAMODB-002", fx.plan([fx.set(table, {"server_side_encryption": []})]))

test_dynamodb_002_kms_ok if not warned("AWS-DYNAMODB-002", fx.plan([table]))

# AWS-DYNAMODB-003
test_dynamodb_003_no_deletion_protection_warned if warned("AWS-DYNAMODB-003", fx.plan([fx.set(table, {"deletion_protection_enabled": false})]))

test_dynamodb_003_deletion_protection_ok if not warned("AWS-DYNAMODB-003", fx.plan([table]))

# AWS-DYNAMODB-004
test_dynamodb_004_public_policy_denied if denied("AWS-DYNAMODB-004", fx.plan([resource_policy([object.union(reader, {"Principal": "*"})])]))

test_dynamodb_004_account_policy_ok if not denied("AWS-DYNAMODB-004", fx.plan([resource_policy([reader])]))

# AWS-DYNAMODB-005
test_dynamodb_005_dax_unencrypted_denied if denied("AWS-DYNAMODB-005", fx.plan([dax([{"enabled": false}], "TLS")]))

test_dynamodb_005_dax_no_sse_block_denied if denied("AWS-DYNAMODB-005", fx.plan([dax([], "TLS")]))

test_dynamodb_005_dax_encrypted_ok if not denied("AWS-DYNAMODB-005", fx.plan([dax([{"enabled": true}], "TLS")]))

# AWS-DYNAMODB-006
test_dynamodb_006_dax_plaintext_warned if warned("AWS-DYNAMODB-006", fx.plan([dax([{"enabled": true}], "NONE")]))

test_dynamodb_006_dax_tls_ok if not warned("AWS-DYNAMODB-006", fx.plan([dax([{"enabled": true}], "TLS")]))

# AWS-DYNAMODB-007
replica(pitr) := {"consistency_mode": "EVENTUAL", "kms_key_arn": null, "point_in_time_recovery": pitr, "propagate_tags": true, "region_name": "eu-central-1"}

test_dynamodb_007_replica_without_pitr_warned if {
	some r in dynamodb.warn with input as fx.plan([fx.set(table, {"replica": [replica(false)]})])
	r.id == "AWS-DYNAMODB-007"
	contains(r.msg, "eu-central-1")
}

test_dynamodb_007_replica_with_pitr_ok if not warned("AWS-DYNAMODB-007", fx.plan([fx.set(table, {"replica": [replica(true)]})]))

# AWS-DYNAMODB-008
test_dynamodb_008_wildcard_denied if denied("AWS-DYNAMODB-008", fx.plan([resource_policy([object.union(reader, {"Action": "dynamodb:*"})])]))

test_dynamodb_008_specific_ok if not denied("AWS-DYNAMODB-008", fx.plan([resource_policy([reader])]))
