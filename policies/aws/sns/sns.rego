# SNS policies.
package tforch.aws.sns

import data.tforch.lib
import data.tforch.lib.correlate
import data.tforch.lib.iam
import data.tforch.lib.plan

# METADATA
# title: SNS topics must be encrypted
# description: SNS topics are not encrypted at rest unless kms_master_key_id is set.
# custom:
#   id: AWS-SNS-001
#   severity: high
#   remediation: Set kms_master_key_id to a customer managed KMS key (aws_kms_key.<name>.arn).
deny contains result if {
	some topic in plan.resources("aws_sns_topic")
	plan.blank(plan.value(topic, "kms_master_key_id"))
	result := lib.result(rego.metadata.rule(), topic, "the topic is not encrypted (kms_master_key_id is not set)")
}

# METADATA
# title: SNS topic policies must not allow public access
# description: >-
#   An Allow statement for Principal "*" without a restricting condition
#   (aws:SourceOwner, aws:SourceAccount, aws:SourceArn, aws:PrincipalOrgID, ...)
#   lets anyone publish to or subscribe to the topic.
# custom:
#   id: AWS-SNS-002
#   severity: critical
#   remediation: Name specific principals or add an aws:SourceAccount / aws:SourceArn / aws:PrincipalOrgID condition.
deny contains result if {
	some rc in topic_policy_holders
	doc := iam.doc_at(rc, "policy")
	some s in iam.statements(doc)
	iam.public_allow(s)
	result := lib.result(rego.metadata.rule(), rc, sprintf("topic policy statement %s allows a public principal", [iam.sid(s)]))
}

# METADATA
# title: SNS topic policies must not allow wildcard actions
# description: Allow statements with Action "*" or "sns:*" grant every topic operation, including changing the policy and deleting the topic.
# custom:
#   id: AWS-SNS-003
#   severity: high
#   remediation: List the specific actions (e.g. sns:Publish, sns:Subscribe).
deny contains result if {
	some rc in topic_policy_holders
	doc := iam.doc_at(rc, "policy")
	some s in iam.allow_statements(doc)
	wildcards := iam.wildcard_actions(s)
	count(wildcards) > 0
	result := lib.result(rego.metadata.rule(), rc, sprintf("topic policy statement %s allows wildcard actions %v", [iam.sid(s), sort(wildcards)]))
}

# METADATA
# title: SNS subscriptions should not use plain HTTP
# description: Messages delivered to an http endpoint travel unencrypted.
# custom:
#   id: AWS-SNS-004
#   severity: medium
#   remediation: Use protocol = "https" with an HTTPS endpoint.
warn contains result if {
	some subscription in plan.resources("aws_sns_topic_subscription")
	plan.value(subscription, "protocol") == "http"
	result := lib.result(rego.metadata.rule(), subscription, "delivers messages over plain HTTP")
}

# METADATA
# title: SNS topics should use a customer managed KMS key
# description: The AWS managed key alias/aws/sns cannot be used by other accounts or by services such as EventBridge and CloudWatch alarms, and its policy cannot be changed.
# custom:
#   id: AWS-SNS-005
#   severity: low
#   remediation: Set kms_master_key_id to a customer managed key.
warn contains result if {
	some topic in plan.resources("aws_sns_topic")
	plan.value(topic, "kms_master_key_id") == "alias/aws/sns"
	result := lib.result(rego.metadata.rule(), topic, "encrypted with the AWS managed key alias/aws/sns")
}

topic_policy_holders := plan.resources("aws_sns_topic_policy") | {topic |
	some topic in plan.resources("aws_sns_topic")
	correlate.set_in_code(topic, "policy")
}
