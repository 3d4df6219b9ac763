package tforch_test.common.tags

import data.tforch.common.tags
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in tags.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in tags.warn with input as p
	r.id == id
}

# A tagged resource whose tags are partly supplied by the provider's default_tags.
queue(resource_tags, all_tags) := fx.unknown(
	fx.create("aws_sqs_queue", "jobs", {"name": "jobs", "sqs_managed_sse_enabled": true, "tags": resource_tags, "tags_all": all_tags}),
	["arn", "id", "url"],
)

tagged := queue({"Owner": "platform"}, fx.tags)

test_all_required_tags_ok if {
	count(tags.deny) == 0 with input as fx.plan([tagged])
	count(tags.warn) == 0 with input as fx.plan([tagged])
}

# COMMON-001
test_common_001_missing_tags_denied if {
	some r in tags.deny with input as fx.plan([queue({"Owner": "platform"}, {"Owner": "platform", "Team": "core"})])
	r.id == "COMMON-001"
	r.severity == "medium"
	r.msg == "aws_sqs_queue.jobs: missing required tags: CostCenter, Environment"
}

test_common_001_untagged_resource_denied if denied("COMMON-001", fx.plan([queue(null, {})]))

test_common_001_default_tags_ok if not denied("COMMON-001", fx.plan([queue(null, fx.tags)]))

test_common_001_falls_back_to_tags_when_tags_all_unknown if {
	rc := fx.unknown(queue(fx.tags, fx.tags), ["tags_all"])
	not denied("COMMON-001", fx.plan([rc]))
	missing := fx.unknown(queue({"Owner": "platform"}, fx.tags), ["tags_all"])
	denied("COMMON-001", fx.plan([missing]))
}

test_common_001_unknown_tags_all_with_default_tags_ok if {
	missing := fx.unknown(queue({"Owner": "platform"}, fx.tags), ["tags_all"])
	p := fx.plan([missing])
	with_default_tags := json.patch(p, [{"op": "add", "path": "/configuration/provider_config/aws/expressions", "value": {"default_tags": [{"tags": {"references": ["local.tags"]}}]}}])
	denied("COMMON-001", p)
	not denied("COMMON-001", with_default_tags)
}

test_common_001_unknown_tag_value_counts_as_present if {
	rc := fx.after_unknown(
		queue(object.remove(fx.tags, ["CostCenter"]), object.remove(fx.tags, ["CostCenter"])),
		{"tags": {"CostCenter": true}, "tags_all": {"CostCenter": true}},
	)
	not denied("COMMON-001", fx.plan([rc]))
}

test_common_001_all_tags_unknown_ok if not denied("COMMON-001", fx.plan([fx.unknown(queue(null, {}), ["tags", "tags_all"])]))

test_common_001_untaggable_resource_ignored if {
	rc := fx.create("aws_s3_bucket_public_access_block", "data", {"bucket": "acme-data", "block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true})
	not denied("COMMON-001", fx.plan([rc]))
}

test_common_001_deleted_resource_ignored if not denied("COMMON-001", fx.plan([fx.deleted(queue(null, {}))]))

test_common_001_noop_resource_ignored if not denied("COMMON-001", fx.plan([fx.unchanged(queue(null, {}))]))

test_common_001_non_aws_resource_ignored if {
	rc := fx.create("google_storage_bucket", "data", {"name": "data", "labels": {}, "tags": null})
	not denied("COMMON-001", fx.plan([rc]))
}

test_common_001_configurable_required_tags if {
	p := fx.plan([queue(null, {"Owner": "platform"})])
	not denied("COMMON-001", p) with data.tforch_config.required_tags as ["Owner"]
	denied("COMMON-001", p) with data.tforch_config.required_tags as ["Owner", "DataClassification"]
}

test_common_001_untagged_types_exempt if {
	p := fx.plan([queue(null, {})])
	not denied("COMMON-001", p) with data.tforch_config.untagged_types as ["aws_sqs_queue"]
}

# COMMON-002
test_common_002_empty_value_warned if warned("COMMON-002", fx.plan([queue(null, object.union(fx.tags, {"Team": " "}))]))

test_common_002_values_ok if not warned("COMMON-002", fx.plan([tagged]))

# COMMON-003
test_common_003_unknown_environment_warned if warned("COMMON-003", fx.plan([queue(null, object.union(fx.tags, {"Environment": "prd-eu"}))]))

test_common_003_case_insensitive_ok if not warned("COMMON-003", fx.plan([queue(null, object.union(fx.tags, {"Environment": "Production"}))]))

test_common_003_configurable if {
	p := fx.plan([queue(null, object.union(fx.tags, {"Environment": "prd-eu"}))])
	not warned("COMMON-003", p) with data.tforch_config.allowed_environments as ["prd-eu"]
}

# COMMON-004
test_common_004_wrong_case_warned if {
	some r in tags.warn with input as fx.plan([queue(null, object.union(fx.tags, {"costcenter": "cc-1"}))])
	r.id == "COMMON-004"
	contains(r.msg, "\"costcenter\" should be spelled \"CostCenter\"")
}

test_common_004_exact_case_ok if not warned("COMMON-004", fx.plan([tagged]))
