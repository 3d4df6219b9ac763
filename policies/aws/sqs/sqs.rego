# SQS policies.
package tforch.aws.sqs

import data.tforch.lib
import data.tforch.lib.correlate
import data.tforch.lib.iam
import data.tforch.lib.plan

# METADATA
# title: SQS queues must be encrypted
# description: A queue with no kms_master_key_id and sqs_managed_sse_enabled = false stores messages unencrypted (SSE-SQS is the default when unset).
# custom:
#   id: AWS-SQS-001
#   severity: high
#   remediation: Set sqs_managed_sse_enabled = true or kms_master_key_id to a KMS key.
deny contains result if {
	some queue in plan.resources("aws_sqs_queue")
	plan.blank(plan.value(queue, "kms_master_key_id"))
	plan.value(queue, "sqs_managed_sse_enabled") == false
	result := lib.result(rego.metadata.rule(), queue, "the queue is not encrypted (no KMS key and SSE-SQS disabled)")
}

# METADATA
# title: SQS queue policies must not allow public access
# description: An Allow statement for Principal "*" without a restricting condition lets anyone send, receive or delete messages.
# custom:
#   id: AWS-SQS-002
#   severity: critical
#   remediation: Name specific principals or add an aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID condition.
deny contains result if {
	some rc in queue_policy_holders
	doc := iam.doc_at(rc, "policy")
	some s in iam.statements(doc)
	iam.public_allow(s)
	result := lib.result(rego.metadata.rule(), rc, sprintf("queue policy statement %s allows a public principal", [iam.sid(s)]))
}

# METADATA
# title: SQS queue policies must not allow wildcard actions
# description: Allow statements with Action "*" or "sqs:*" grant every queue operation, including purging and deleting the queue.
# custom:
#   id: AWS-SQS-003
#   severity: high
#   remediation: List the specific actions (e.g. sqs:SendMessage).
deny contains result if {
	some rc in queue_policy_holders
	doc := iam.doc_at(rc, "policy")
	some s in iam.allow_statements(doc)
	wildcards := iam.wildcard_actions(s)
	count(wildcards) > 0
	result := lib.result(rego.metadata.rule(), rc, sprintf("queue policy statement %s allows wildcard actions %v", [iam.sid(s), sort(wildcards)]))
}

# METADATA
# title: SQS queues should have a dead-letter queue
# description: >-
#   Without a redrive policy, poison messages are retried until they expire. Queues
#   that are themselves dead-letter queues (referenced by another queue's
#   redrive_policy, or with a redrive_allow_policy) are exempt.
# custom:
#   id: AWS-SQS-004
#   severity: low
#   remediation: Set redrive_policy = jsonencode({ deadLetterTargetArn = aws_sqs_queue.<dlq>.arn, maxReceiveCount = 5 }) or add an aws_sqs_queue_redrive_policy.
warn contains result if {
	some queue in plan.resources("aws_sqs_queue")
	plan.blank(plan.value(queue, "redrive_policy"))
	not correlate.has_related(queue, "aws_sqs_queue_redrive_policy", "queue_url", "url")
	not dead_letter_queue(queue)
	result := lib.result(rego.metadata.rule(), queue, "the queue has no dead-letter queue (redrive_policy)")
}

# --- helpers -----------------------------------------------------------------

queue_policy_holders := plan.resources("aws_sqs_queue_policy") | {queue |
	some queue in plan.resources("aws_sqs_queue")
	correlate.set_in_code(queue, "policy")
}

dead_letter_queue(queue) if not plan.blank(plan.value(queue, "redrive_allow_policy"))

dead_letter_queue(queue) if correlate.has_related(queue, "aws_sqs_queue", "redrive_policy", "__none__")

dead_letter_queue(queue) if correlate.has_related(queue, "aws_sqs_queue_redrive_policy", "redrive_policy", "__none__")

# Known redrive policies that name this queue's ARN.
dead_letter_queue(queue) if {
	arn := plan.value(queue, "arn")
	is_string(arn)
	some other in input.resource_changes
	other.type in {"aws_sqs_queue", "aws_sqs_queue_redrive_policy"}
	plan.present(other)
	redrive := plan.value(other, "redrive_policy")
	is_string(redrive)
	json.is_valid(redrive)
	json.unmarshal(redrive).deadLetterTargetArn == arn
}
