package tforch_test.aws.s3

import data.tforch.aws.s3
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in s3.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in s3.warn with input as p
	r.id == id
}

# --- fixtures ----------------------------------------------------------------

# A new bucket as planned by the AWS provider v6 (computed blocks are unknown).
bucket := fx.after_unknown(
	fx.create("aws_s3_bucket", "data", {
		"bucket": "acme-data",
		"bucket_prefix": null,
		"force_destroy": false,
		"object_lock_enabled": false,
		"tags": fx.tags,
		"tags_all": fx.tags,
		"timeouts": null,
	}),
	{
		"acceleration_status": true, "acl": true, "arn": true, "bucket_domain_name": true,
		"bucket_regional_domain_name": true, "cors_rule": true, "grant": true, "hosted_zone_id": true,
		"id": true, "lifecycle_rule": true, "logging": true, "object_lock_configuration": true,
		"policy": true, "region": true, "replication_configuration": true, "request_payer": true,
		"server_side_encryption_configuration": true, "versioning": true, "website": true,
		"website_domain": true, "website_endpoint": true,
	},
)

kms_key_arn := "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

sse := fx.create("aws_s3_bucket_server_side_encryption_configuration", "data", {
	"bucket": "acme-data",
	"expected_bucket_owner": null,
	"rule": [{
		"apply_server_side_encryption_by_default": [{"kms_master_key_id": kms_key_arn, "sse_algorithm": "aws:kms"}],
		"bucket_key_enabled": true,
	}],
})

pab := fx.create("aws_s3_bucket_public_access_block", "data", {
	"bucket": "acme-data",
	"block_public_acls": true,
	"block_public_policy": true,
	"ignore_public_acls": true,
	"restrict_public_buckets": true,
})

versioning := fx.create("aws_s3_bucket_versioning", "data", {
	"bucket": "acme-data",
	"expected_bucket_owner": null,
	"mfa": null,
	"versioning_configuration": [{"mfa_delete": null, "status": "Enabled"}],
})

logging := fx.create("aws_s3_bucket_logging", "data", {
	"bucket": "acme-data",
	"expected_bucket_owner": null,
	"target_bucket": "acme-access-logs",
	"target_grant": [],
	"target_object_key_format": [],
	"target_prefix": "s3/acme-data/",
})

lifecycle := fx.create("aws_s3_bucket_lifecycle_configuration", "data", {
	"bucket": "acme-data",
	"expected_bucket_owner": null,
	"rule": [{
		"abort_incomplete_multipart_upload": [{"days_after_initiation": 7}],
		"expiration": [],
		"filter": [{"prefix": ""}],
		"id": "expire-noncurrent",
		"noncurrent_version_expiration": [{"newer_noncurrent_versions": null, "noncurrent_days": 90}],
		"status": "Enabled",
	}],
})

tls_statement := {
	"Sid": "DenyInsecureTransport",
	"Effect": "Deny",
	"Principal": "*",
	"Action": "s3:*",
	"Resource": ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"],
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

bucket_policy(statements) := fx.create("aws_s3_bucket_policy", "data", {
	"bucket": "acme-data",
	"policy": fx.policy(statements),
})

ownership := fx.create("aws_s3_bucket_ownership_controls", "data", {
	"bucket": "acme-data",
	"rule": [{"object_ownership": "BucketOwnerEnforced"}],
})

compliant := [bucket, sse, pab, versioning, logging, lifecycle, bucket_policy([tls_statement]), ownership]

# Companion whose bucket is only known after apply (bucket = aws_s3_bucket.data.id).
pending(rc) := fx.unknown(rc, ["bucket", "id"])

# Configuration for a companion `type.name` whose bucket argument references target.
ref_cfg(type, name, target) := fx.cfg(type, name, {"bucket": fx.refs(target)})

# --- whole library on a compliant bucket ---------------------------------------

test_compliant_bucket_has_no_findings if {
	count(s3.deny) == 0 with input as fx.plan(compliant)
	count(s3.warn) == 0 with input as fx.plan(compliant)
}

test_result_shape if {
	some r in s3.deny with input as fx.plan([bucket])
	r.id == "AWS-S3-001"
	r.severity == "critical"
	r.resource == "aws_s3_bucket.data"
	startswith(r.msg, "aws_s3_bucket.data: ")
	r.remediation != ""
	object.keys(r) == {"id", "severity", "msg", "resource", "remediation"}
}

# --- AWS-S3-001 encryption -----------------------------------------------------

test_s3_001_unencrypted_denied if denied("AWS-S3-001", fx.plan([bucket]))

test_s3_001_encrypted_by_bucket_name_ok if not denied("AWS-S3-001", fx.plan([bucket, sse]))

test_s3_001_encrypted_by_reference_ok if {
	config := {"resources": [
		fx.cfg("aws_s3_bucket", "data", {"bucket": fx.const("acme-data")}),
		ref_cfg("aws_s3_bucket_server_side_encryption_configuration", "data", "aws_s3_bucket.data"),
	]}
	not denied("AWS-S3-001", fx.plan_with_config([fx.unknown(bucket, ["bucket"]), pending(sse)], config))
}

test_s3_001_sse_of_other_bucket_denied if {
	other := fx.set(sse, {"bucket": "acme-other"})
	denied("AWS-S3-001", fx.plan([bucket, other]))
}

test_s3_001_sse_referencing_other_bucket_denied if {
	config := {"resources": [
		fx.cfg("aws_s3_bucket", "data", {}),
		fx.cfg("aws_s3_bucket", "other", {}),
		ref_cfg("aws_s3_bucket_server_side_encryption_configuration", "data", "aws_s3_bucket.other"),
	]}
	other := fx.create("aws_s3_bucket", "other", bucket.change.after)
	p := fx.plan_with_config([fx.unknown(bucket, ["bucket"]), fx.unknown(other, ["bucket"]), pending(sse)], config)
	some r in s3.deny with input as p
	r.id == "AWS-S3-001"
	r.resource == "aws_s3_bucket.data"
	not denied_resource("AWS-S3-001", "aws_s3_bucket.other", p)
}

denied_resource(id, address, p) if {
	some r in s3.deny with input as p
	r.id == id
	r.resource == address
}

test_s3_001_sse_being_deleted_denied if denied("AWS-S3-001", fx.plan([bucket, fx.deleted(sse)]))

test_s3_001_unchanged_sse_ok if not denied("AWS-S3-001", fx.plan([fx.updated(bucket), fx.unchanged(sse)]))

test_s3_001_updated_bucket_denied if denied("AWS-S3-001", fx.plan([fx.updated(bucket)]))

test_s3_001_replaced_bucket_denied if denied("AWS-S3-001", fx.plan([fx.replaced(bucket)]))

test_s3_001_deleted_bucket_ignored if not denied("AWS-S3-001", fx.plan([fx.deleted(bucket)]))

test_s3_001_noop_bucket_ignored if not denied("AWS-S3-001", fx.plan([fx.unchanged(bucket)]))

test_s3_001_legacy_inline_block_ok if {
	inline := [{"rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": "", "sse_algorithm": "AES256"}], "bucket_key_enabled": false}]}]
	b := fx.set(fx.after_unknown(bucket, {"server_side_encryption_configuration": false}), {"server_side_encryption_configuration": inline})
	config := {"resources": [fx.cfg("aws_s3_bucket", "data", {"server_side_encryption_configuration": [{"rule": [{}]}]})]}
	not denied("AWS-S3-001", fx.plan_with_config([b], config))
}

test_s3_001_computed_inline_block_not_counted if {
	# AWS reports SSE-S3 for an existing bucket even though the code declares nothing.
	inline := [{"rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": "", "sse_algorithm": "AES256"}], "bucket_key_enabled": false}]}]
	b := fx.updated(fx.set(fx.after_unknown(bucket, {"server_side_encryption_configuration": false}), {"server_side_encryption_configuration": inline}))
	config := {"resources": [fx.cfg("aws_s3_bucket", "data", {"bucket": fx.const("acme-data")})]}
	denied("AWS-S3-001", fx.plan_with_config([b], config))
}

test_s3_001_module_nested_correlation_ok if {
	config := {"resources": [], "module_calls": {"storage": fx.module_call("./modules/storage", {}, {"resources": [
		fx.cfg("aws_s3_bucket", "data", {"bucket": fx.const("acme-data")}),
		ref_cfg("aws_s3_bucket_server_side_encryption_configuration", "data", "aws_s3_bucket.data"),
	]})}}
	b := fx.in_module(fx.unknown(bucket, ["bucket"]), "module.storage")
	c := fx.in_module(pending(sse), "module.storage")
	not denied("AWS-S3-001", fx.plan_with_config([b, c], config))
}

test_s3_001_module_nested_missing_denied if {
	config := {"resources": [], "module_calls": {"storage": fx.module_call("./modules/storage", {}, {"resources": [
		fx.cfg("aws_s3_bucket", "data", {}),
		fx.cfg("aws_s3_bucket", "logs", {}),
		ref_cfg("aws_s3_bucket_server_side_encryption_configuration", "data", "aws_s3_bucket.logs"),
	]})}}
	b := fx.in_module(fx.unknown(bucket, ["bucket"]), "module.storage")
	c := fx.in_module(pending(sse), "module.storage")
	some r in s3.deny with input as fx.plan_with_config([b, c], config)
	r.id == "AWS-S3-001"
	r.resource == "module.storage.aws_s3_bucket.data"
}

# --- AWS-S3-002 / 003 SSE-KMS --------------------------------------------------

sse_aes := fx.set(sse, {"rule": [{
	"apply_server_side_encryption_by_default": [{"kms_master_key_id": null, "sse_algorithm": "AES256"}],
	"bucket_key_enabled": false,
}]})

test_s3_002_aes256_warned if warned("AWS-S3-002", fx.plan([sse_aes]))

test_s3_002_kms_ok if not warned("AWS-S3-002", fx.plan([sse]))

test_s3_002_unknown_algorithm_ok if {
	rc := fx.after_unknown(sse_aes, {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": true}]}]})
	not warned("AWS-S3-002", fx.plan([rc]))
}

test_s3_003_kms_without_bucket_key_warned if {
	rc := fx.set(sse, {"rule": [{
		"apply_server_side_encryption_by_default": [{"kms_master_key_id": kms_key_arn, "sse_algorithm": "aws:kms"}],
		"bucket_key_enabled": null,
	}]})
	warned("AWS-S3-003", fx.plan([rc]))
}

test_s3_003_bucket_key_ok if not warned("AWS-S3-003", fx.plan([sse]))

# --- AWS-S3-004 / 005 public access block ---------------------------------------

test_s3_004_missing_pab_denied if denied("AWS-S3-004", fx.plan([bucket]))

test_s3_004_pab_ok if not denied("AWS-S3-004", fx.plan([bucket, pab]))

account_pab := fx.create("aws_s3_account_public_access_block", "this", {
	"account_id": "111122223333",
	"block_public_acls": true,
	"block_public_policy": true,
	"ignore_public_acls": true,
	"restrict_public_buckets": true,
})

test_s3_004_account_level_pab_ok if not denied("AWS-S3-004", fx.plan([bucket, fx.unchanged(account_pab)]))

test_s3_004_partial_account_level_pab_denied if {
	partial := fx.set(account_pab, {"restrict_public_buckets": false})
	denied("AWS-S3-004", fx.plan([bucket, partial]))
}

test_s3_005_pab_setting_disabled_denied if {
	some r in s3.deny with input as fx.plan([fx.set(pab, {"block_public_policy": false, "ignore_public_acls": false})])
	r.id == "AWS-S3-005"
	contains(r.msg, "block_public_policy, ignore_public_acls")
}

test_s3_005_account_pab_disabled_denied if denied("AWS-S3-005", fx.plan([fx.set(account_pab, {"block_public_acls": false})]))

test_s3_005_all_enabled_ok if not denied("AWS-S3-005", fx.plan([pab, account_pab]))

test_s3_005_unknown_setting_ok if not denied("AWS-S3-005", fx.plan([fx.unknown(pab, ["block_public_policy"])]))

# --- AWS-S3-006 / 007 versioning ---------------------------------------------------

test_s3_006_no_versioning_warned if warned("AWS-S3-006", fx.plan([bucket]))

test_s3_006_versioning_ok if not warned("AWS-S3-006", fx.plan([bucket, versioning]))

test_s3_007_suspended_warned if {
	rc := fx.set(versioning, {"versioning_configuration": [{"mfa_delete": null, "status": "Suspended"}]})
	warned("AWS-S3-007", fx.plan([rc]))
}

test_s3_007_enabled_ok if not warned("AWS-S3-007", fx.plan([versioning]))

# --- AWS-S3-008 logging ------------------------------------------------------------

test_s3_008_no_logging_warned if warned("AWS-S3-008", fx.plan([bucket]))

test_s3_008_logging_ok if not warned("AWS-S3-008", fx.plan([bucket, logging]))

test_s3_008_log_target_bucket_exempt if {
	log_bucket := fx.create("aws_s3_bucket", "logs", object.union(bucket.change.after, {"bucket": "acme-access-logs"}))
	not warned("AWS-S3-008", fx.plan([log_bucket, logging]))
}

test_s3_008_log_target_by_reference_exempt if {
	log_bucket := fx.unknown(fx.create("aws_s3_bucket", "logs", bucket.change.after), ["bucket"])
	log := fx.unknown(logging, ["target_bucket"])
	config := {"resources": [
		fx.cfg("aws_s3_bucket", "logs", {}),
		fx.cfg("aws_s3_bucket_logging", "data", {"bucket": fx.refs("aws_s3_bucket.data"), "target_bucket": fx.refs("aws_s3_bucket.logs")}),
	]}
	not warned("AWS-S3-008", fx.plan_with_config([log_bucket, log], config))
}

# --- AWS-S3-009 lifecycle ------------------------------------------------------------

test_s3_009_no_lifecycle_warned if warned("AWS-S3-009", fx.plan([bucket]))

test_s3_009_lifecycle_ok if not warned("AWS-S3-009", fx.plan([bucket, lifecycle]))

# --- AWS-S3-010 / 011 ACLs -------------------------------------------------------

bucket_acl(acl) := fx.create("aws_s3_bucket_acl", "data", {
	"acl": acl,
	"bucket": "acme-data",
	"expected_bucket_owner": null,
})

test_s3_010_public_read_acl_denied if denied("AWS-S3-010", fx.plan([bucket_acl("public-read")]))

test_s3_010_private_acl_ok if not denied("AWS-S3-010", fx.plan([bucket_acl("private")]))

test_s3_010_legacy_bucket_acl_denied if {
	b := fx.set(fx.after_unknown(bucket, {"acl": false}), {"acl": "public-read-write"})
	config := {"resources": [fx.cfg("aws_s3_bucket", "data", {"acl": fx.const("public-read-write")})]}
	denied("AWS-S3-010", fx.plan_with_config([b], config))
}

grant_acl(uri) := fx.unknown(
	fx.create("aws_s3_bucket_acl", "data", {
		"bucket": "acme-data",
		"expected_bucket_owner": null,
		"access_control_policy": [{
			"grant": [{
				"grantee": [{"email_address": null, "id": null, "type": "Group", "uri": uri}],
				"permission": "READ",
			}],
			"owner": [{"id": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"}],
		}],
	}),
	["acl"],
)

test_s3_011_all_users_grant_denied if denied("AWS-S3-011", fx.plan([grant_acl("http://acs.amazonaws.com/groups/global/AllUsers")]))

test_s3_011_log_delivery_grant_ok if not denied("AWS-S3-011", fx.plan([grant_acl("http://acs.amazonaws.com/groups/s3/LogDelivery")]))

# --- AWS-S3-012 / 013 bucket policy ---------------------------------------------------

public_read := {
	"Sid": "PublicRead",
	"Effect": "Allow",
	"Principal": "*",
	"Action": "s3:GetObject",
	"Resource": "arn:aws:s3:::acme-data/*",
}

test_s3_012_public_policy_denied if denied("AWS-S3-012", fx.plan([bucket_policy([public_read, tls_statement])]))

test_s3_012_public_aws_principal_single_statement_denied if {
	doc := json.marshal({"Version": "2012-10-17", "Statement": object.union(public_read, {"Principal": {"AWS": ["*"]}})})
	rc := fx.create("aws_s3_bucket_policy", "data", {"bucket": "acme-data", "policy": doc})
	denied("AWS-S3-012", fx.plan([rc]))
}

test_s3_012_restricted_by_source_arn_ok if {
	cloudfront := object.union(public_read, {
		"Principal": {"Service": "cloudfront.amazonaws.com"},
		"Condition": {"StringEquals": {"AWS:SourceArn": "arn:aws:cloudfront::111122223333:distribution/EDFDVBD6EXAMPLE"}},
	})
	conditioned := object.union(public_read, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})
	not denied("AWS-S3-012", fx.plan([bucket_policy([cloudfront, conditioned])]))
}

test_s3_012_unknown_policy_ok if not denied("AWS-S3-012", fx.plan([fx.unknown(bucket_policy([public_read]), ["policy"])]))

test_s3_013_wildcard_action_denied if {
	stmt := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": ["s3:GetObject", "s3:*"], "Resource": "*"}
	denied("AWS-S3-013", fx.plan([bucket_policy([stmt])]))
}

test_s3_013_star_action_string_denied if {
	stmt := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "*", "Resource": "*"}
	denied("AWS-S3-013", fx.plan([bucket_policy([stmt])]))
}

test_s3_013_specific_actions_ok if {
	stmt := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": ["s3:GetObject", "s3:Put*"], "Resource": "*"}
	not denied("AWS-S3-013", fx.plan([bucket_policy([stmt, tls_statement])]))
}

# --- AWS-S3-014 TLS -------------------------------------------------------------------

test_s3_014_no_tls_policy_warned if warned("AWS-S3-014", fx.plan([bucket]))

test_s3_014_policy_without_tls_warned if warned("AWS-S3-014", fx.plan([bucket, bucket_policy([public_read])]))

test_s3_014_tls_enforced_ok if not warned("AWS-S3-014", fx.plan([bucket, bucket_policy([tls_statement])]))

test_s3_014_unknown_policy_ok if not warned("AWS-S3-014", fx.plan([bucket, fx.unknown(bucket_policy([]), ["policy"])]))

# --- AWS-S3-015 ownership ----------------------------------------------------------------

test_s3_015_object_writer_warned if warned("AWS-S3-015", fx.plan([fx.set(ownership, {"rule": [{"object_ownership": "ObjectWriter"}]})]))

test_s3_015_enforced_ok if not warned("AWS-S3-015", fx.plan([ownership]))

# --- AWS-S3-016 website ---------------------------------------------------------------------

website := fx.create("aws_s3_bucket_website_configuration", "data", {
	"bucket": "acme-data",
	"error_document": [],
	"index_document": [{"suffix": "index.html"}],
	"redirect_all_requests_to": [],
	"routing_rule": [],
})

test_s3_016_website_warned if warned("AWS-S3-016", fx.plan([website]))

test_s3_016_deleted_website_ok if not warned("AWS-S3-016", fx.plan([fx.deleted(website)]))

# --- AWS-S3-017 force_destroy ------------------------------------------------------------------

test_s3_017_force_destroy_warned if warned("AWS-S3-017", fx.plan([fx.set(bucket, {"force_destroy": true})]))

test_s3_017_no_force_destroy_ok if not warned("AWS-S3-017", fx.plan([bucket]))

# --- AWS-S3-018 CORS ----------------------------------------------------------------------------

cors(origins) := fx.create("aws_s3_bucket_cors_configuration", "data", {
	"bucket": "acme-data",
	"cors_rule": [{
		"allowed_headers": ["*"],
		"allowed_methods": ["GET"],
		"allowed_origins": origins,
		"expose_headers": [],
		"id": null,
		"max_age_seconds": 3000,
	}],
})

test_s3_018_any_origin_warned if warned("AWS-S3-018", fx.plan([cors(["*"])]))

test_s3_018_specific_origin_ok if not warned("AWS-S3-018", fx.plan([cors(["https://app.example.com"])]))
