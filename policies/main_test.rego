package tforch_test.main

import data.tforch
import data.tforch_test.fixtures as fx

test_aggregates_all_packages if {
	bucket := fx.create("aws_s3_bucket", "data", {"bucket": "acme-data", "force_destroy": false, "tags": null, "tags_all": {}})
	sg_rule := fx.create("aws_security_group_rule", "ssh", {
		"cidr_blocks": ["0.0.0.0/0"], "description": "ssh", "from_port": 22, "ipv6_cidr_blocks": null,
		"protocol": "tcp", "security_group_id": "sg-0123456789abcdef0", "to_port": 22, "type": "ingress",
	})
	p := fx.plan([bucket, sg_rule])
	ids := {r.id | some r in tforch.deny} with input as p
	{"AWS-S3-001", "AWS-S3-004", "AWS-VPC-001", "COMMON-001"} - ids == set()
	warn_ids := {r.id | some r in tforch.warn} with input as p
	"AWS-S3-006" in warn_ids
	summary := tforch.summary with input as p
	summary.deny == count(tforch.deny) with input as p
	summary.by_severity.critical > 0
}

test_every_result_has_the_contract_shape if {
	bucket := fx.create("aws_s3_bucket", "data", {"bucket": "acme-data", "force_destroy": true, "tags": null, "tags_all": {}})
	results := tforch.deny | tforch.warn with input as fx.plan([bucket])
	count(results) > 0
	every r in results {
		object.keys(r) == {"id", "severity", "msg", "resource", "remediation"}
		r.severity in {"critical", "high", "medium", "low"}
		startswith(r.msg, concat("", [r.resource, ": "]))
		r.remediation != ""
	}
}

test_empty_plan_has_no_findings if {
	count(tforch.deny) == 0 with input as fx.plan([])
	count(tforch.warn) == 0 with input as fx.plan([])
}

# policies/testdata/plan.json (loaded as data.testdata) is a sample `tofu show -json` plan.
test_sample_plan if {
	ids := {r.id | some r in tforch.deny} with input as data.testdata
	ids == {
		"AWS-IAM-001", "AWS-IAM-015", "AWS-KMS-001", "AWS-RDS-001", "AWS-RDS-003",
		"AWS-S3-001", "AWS-S3-004", "AWS-VPC-001", "COMMON-001", "COMMON-005",
	}
	denied_resources := {r.resource | some r in tforch.deny} with input as data.testdata
	not "module.storage.aws_s3_bucket.this" in denied_resources
	not "aws_sqs_queue.legacy" in denied_resources
}
