package tforch_test.aws.sns

import data.tforch.aws.sns
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in sns.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in sns.warn with input as p
	r.id == id
}

key_arn := "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"

topic := fx.unknown(
	fx.create("aws_sns_topic", "alerts", {
		"content_based_deduplication": false,
		"delivery_policy": null,
		"display_name": null,
		"fifo_topic": false,
		"kms_master_key_id": key_arn,
		"name": "alerts",
		"tags": fx.tags,
		"tags_all": fx.tags,
	}),
	["arn", "id", "owner", "policy", "signature_version", "tracing_config", "beginning_archive_time"],
)

topic_policy(statements) := fx.unknown(
	fx.create("aws_sns_topic_policy", "alerts", {"arn": "arn:aws:sns:eu-west-1:111122223333:alerts", "policy": fx.policy(statements)}),
	["id", "owner"],
)

events_publish := {
	"Sid": "AllowEventBridge",
	"Effect": "Allow",
	"Principal": {"Service": "events.amazonaws.com"},
	"Action": "sns:Publish",
	"Resource": "arn:aws:sns:eu-west-1:111122223333:alerts",
	"Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:events:eu-west-1:111122223333:rule/alarms"}},
}

default_owner_statement := {
	"Sid": "__default_statement_ID",
	"Effect": "Allow",
	"Principal": {"AWS": "*"},
	"Action": ["SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:Subscribe", "SNS:Publish"],
	"Resource": "arn:aws:sns:eu-west-1:111122223333:alerts",
	"Condition": {"StringEquals": {"AWS:SourceOwner": "111122223333"}},
}

subscription(protocol, endpoint) := fx.unknown(
	fx.create("aws_sns_topic_subscription", "ops", {"endpoint": endpoint, "protocol": protocol, "raw_message_delivery": false, "topic_arn": "arn:aws:sns:eu-west-1:111122223333:alerts"}),
	["arn", "id", "owner_id", "pending_confirmation", "confirmation_was_authenticated"],
)

test_compliant_sns_has_no_findings if {
	p := fx.plan([topic, topic_policy([default_owner_statement, events_publish]), subscription("https", "https://hooks.example.com/sns")])
	count(sns.deny) == 0 with input as p
	count(sns.warn) == 0 with input as p
}

# AWS-SNS-001
test_sns_001_unencrypted_denied if denied("AWS-SNS-001", fx.plan([fx.set(topic, {"kms_master_key_id": null})]))

test_sns_001_encrypted_ok if not denied("AWS-SNS-001", fx.plan([topic]))

test_sns_001_unknown_key_ok if not denied("AWS-SNS-001", fx.plan([fx.unknown(topic, ["kms_master_key_id"])]))

test_sns_001_noop_ignored if not denied("AWS-SNS-001", fx.plan([fx.unchanged(fx.set(topic, {"kms_master_key_id": null}))]))

# AWS-SNS-002
test_sns_002_public_policy_denied if {
	public := object.union(object.remove(events_publish, ["Condition"]), {"Principal": "*"})
	denied("AWS-SNS-002", fx.plan([topic_policy([public])]))
}

test_sns_002_inline_topic_policy_denied if {
	public := object.union(object.remove(events_publish, ["Condition"]), {"Principal": {"AWS": "*"}, "Condition": {"Bool": {"aws:SecureTransport": "true"}}})
	rc := fx.set(fx.after_unknown(topic, {"policy": false}), {"policy": fx.policy([public])})
	denied("AWS-SNS-002", fx.plan([rc]))
}

test_sns_002_source_owner_condition_ok if not denied("AWS-SNS-002", fx.plan([topic_policy([default_owner_statement])]))

# AWS-SNS-003
test_sns_003_wildcard_denied if denied("AWS-SNS-003", fx.plan([topic_policy([object.union(events_publish, {"Action": "sns:*"})])]))

test_sns_003_specific_ok if not denied("AWS-SNS-003", fx.plan([topic_policy([events_publish])]))

# AWS-SNS-004
test_sns_004_http_warned if warned("AWS-SNS-004", fx.plan([subscription("http", "http://hooks.example.com/sns")]))

test_sns_004_https_ok if not warned("AWS-SNS-004", fx.plan([subscription("https", "https://hooks.example.com/sns")]))

# AWS-SNS-005
test_sns_005_aws_managed_key_warned if warned("AWS-SNS-005", fx.plan([fx.set(topic, {"kms_master_key_id": "alias/aws/sns"})]))

test_sns_005_customer_key_ok if not warned("AWS-SNS-005", fx.plan([topic]))
