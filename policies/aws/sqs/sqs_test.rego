package tforch_test.aws.sqs

import data.tforch.aws.sqs
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in sqs.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in sqs.warn with input as p
	r.id == id
}

queue(name, extra) := fx.unknown(
	fx.create("aws_sqs_queue", name, object.union(
		{
			"content_based_deduplication": false,
			"delay_seconds": 0,
			"fifo_queue": false,
			"kms_master_key_id": null,
			"max_message_size": 262144,
			"message_retention_seconds": 345600,
			"name": name,
			"receive_wait_time_seconds": 0,
			"sqs_managed_sse_enabled": true,
			"tags": fx.tags,
			"tags_all": fx.tags,
			"visibility_timeout_seconds": 30,
		},
		extra,
	)),
	["arn", "id", "url", "policy", "redrive_allow_policy", "name_prefix", "deduplication_scope", "fifo_throughput_limit", "kms_data_key_reuse_period_seconds"],
)

jobs := fx.after_unknown(queue("jobs", {}), {"redrive_policy": true})

dlq := queue("jobs_dlq", {"message_retention_seconds": 1209600})

# aws_sqs_queue.jobs { redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn, maxReceiveCount = 5 }) }
redrive_config := {"resources": [
	fx.cfg("aws_sqs_queue", "jobs", {"redrive_policy": {"references": ["aws_sqs_queue.jobs_dlq.arn", "aws_sqs_queue.jobs_dlq"]}}),
	fx.cfg("aws_sqs_queue", "jobs_dlq", {"name": fx.const("jobs_dlq")}),
]}

queue_policy(statements) := fx.unknown(fx.create("aws_sqs_queue_policy", "jobs", {"policy": fx.policy(statements)}), ["id", "queue_url"])

sns_send := {
	"Sid": "AllowTopic",
	"Effect": "Allow",
	"Principal": {"Service": "sns.amazonaws.com"},
	"Action": "sqs:SendMessage",
	"Resource": "arn:aws:sqs:eu-west-1:111122223333:jobs",
	"Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:alerts"}},
}

test_compliant_sqs_has_no_findings if {
	p := fx.plan_with_config([jobs, dlq, queue_policy([sns_send])], redrive_config)
	count(sqs.deny) == 0 with input as p
	count(sqs.warn) == 0 with input as p
}

# AWS-SQS-001
test_sqs_001_unencrypted_denied if denied("AWS-SQS-001", fx.plan([queue("jobs", {"sqs_managed_sse_enabled": false})]))

test_sqs_001_sse_sqs_ok if not denied("AWS-SQS-001", fx.plan([queue("jobs", {})]))

test_sqs_001_kms_ok if not denied("AWS-SQS-001", fx.plan([queue("jobs", {"sqs_managed_sse_enabled": false, "kms_master_key_id": "alias/jobs"})]))

test_sqs_001_unknown_sse_ok if not denied("AWS-SQS-001", fx.plan([fx.unknown(queue("jobs", {}), ["sqs_managed_sse_enabled"])]))

# AWS-SQS-002
test_sqs_002_public_policy_denied if {
	public := object.union(object.remove(sns_send, ["Condition"]), {"Principal": {"AWS": "*"}})
	denied("AWS-SQS-002", fx.plan([queue_policy([public])]))
}

test_sqs_002_restricted_policy_ok if not denied("AWS-SQS-002", fx.plan([queue_policy([object.union(sns_send, {"Principal": "*"})])]))

# AWS-SQS-003
test_sqs_003_wildcard_denied if denied("AWS-SQS-003", fx.plan([queue_policy([object.union(sns_send, {"Action": ["sqs:*"]})])]))

test_sqs_003_specific_ok if not denied("AWS-SQS-003", fx.plan([queue_policy([sns_send])]))

# AWS-SQS-004
test_sqs_004_no_dlq_warned if warned("AWS-SQS-004", fx.plan([queue("jobs", {"redrive_policy": ""})]))

test_sqs_004_redrive_policy_ok if {
	rc := queue("jobs", {"redrive_policy": "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:111122223333:jobs_dlq\",\"maxReceiveCount\":5}"})
	not warned("AWS-SQS-004", fx.plan([rc]))
}

test_sqs_004_dlq_itself_exempt_by_reference if {
	results := sqs.warn with input as fx.plan_with_config([jobs, dlq], redrive_config)
	count([r | some r in results; r.id == "AWS-SQS-004"]) == 0
}

test_sqs_004_dlq_reference_only_exempts_dlq if {
	results := sqs.warn with input as fx.plan_with_config([queue("jobs", {"redrive_policy": ""}), dlq], redrive_config)
	{r.resource | some r in results; r.id == "AWS-SQS-004"} == {"aws_sqs_queue.jobs"}
}

test_sqs_004_dlq_itself_exempt_by_arn if {
	known_dlq := fx.set(fx.after_unknown(dlq, {"arn": false}), {"arn": "arn:aws:sqs:eu-west-1:111122223333:jobs_dlq"})
	main := queue("jobs", {"redrive_policy": "{\"deadLetterTargetArn\":\"arn:aws:sqs:eu-west-1:111122223333:jobs_dlq\",\"maxReceiveCount\":5}"})
	not warned("AWS-SQS-004", fx.plan([main, known_dlq]))
}

test_sqs_004_redrive_policy_resource_ok if {
	rp := fx.unknown(fx.create("aws_sqs_queue_redrive_policy", "jobs", {}), ["id", "queue_url", "redrive_policy"])
	config := {"resources": [
		fx.cfg("aws_sqs_queue", "jobs", {}),
		fx.cfg("aws_sqs_queue_redrive_policy", "jobs", {"queue_url": {"references": ["aws_sqs_queue.jobs.id", "aws_sqs_queue.jobs"]}}),
	]}
	not warned("AWS-SQS-004", fx.plan_with_config([queue("jobs", {"redrive_policy": ""}), rp], config))
}
