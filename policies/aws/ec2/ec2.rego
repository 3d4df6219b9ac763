# EC2 and EBS policies.
#
# Public IP addresses of instances and launch templates are checked by
# COMMON-006 / COMMON-007 (data.tforch.common.exposure).
package tforch.aws.ec2

import data.tforch.lib
import data.tforch.lib.plan

# METADATA
# title: EC2 instance volumes must be encrypted
# description: >-
#   root_block_device and ebs_block_device blocks of aws_instance must not set
#   encrypted = false. Not reported when the plan enables EBS encryption by
#   default (aws_ebs_encryption_by_default).
# custom:
#   id: AWS-EC2-001
#   severity: high
#   remediation: Set encrypted = true (and kms_key_id) on every root_block_device / ebs_block_device, or enable aws_ebs_encryption_by_default.
deny contains result if {
	some instance in plan.resources("aws_instance")
	not encryption_by_default
	some block in ["root_block_device", "ebs_block_device"]
	some i, _ in plan.list(instance, block)
	plan.value(instance, [block, i, "encrypted"]) == false
	result := lib.result(rego.metadata.rule(), instance, sprintf("%s[%d] is not encrypted", [block, i]))
}

# METADATA
# title: EBS volumes must be encrypted
# description: aws_ebs_volume must set encrypted = true, unless the plan enables EBS encryption by default.
# custom:
#   id: AWS-EC2-002
#   severity: high
#   remediation: Set encrypted = true (and kms_key_id) on the aws_ebs_volume.
deny contains result if {
	some volume in plan.resources("aws_ebs_volume")
	not encryption_by_default
	not snapshot_based(volume)
	plan.not_true(volume, "encrypted")
	result := lib.result(rego.metadata.rule(), volume, "the volume is not encrypted")
}

# METADATA
# title: EC2 instances must require IMDSv2
# description: >-
#   metadata_options.http_tokens must be "required" (IMDSv2) unless the metadata
#   endpoint is disabled; IMDSv1 is exploitable through SSRF to steal role
#   credentials.
# custom:
#   id: AWS-EC2-003
#   severity: high
#   remediation: Add metadata_options { http_tokens = "required", http_endpoint = "enabled" }.
deny contains result if {
	some instance in plan.resources("aws_instance")
	some problem in imds_problems(instance)
	result := lib.result(rego.metadata.rule(), instance, problem)
}

# METADATA
# title: Launch templates must require IMDSv2
# description: aws_launch_template must have metadata_options with http_tokens = "required"; without the block instances launched from it accept IMDSv1.
# custom:
#   id: AWS-EC2-004
#   severity: high
#   remediation: Add metadata_options { http_tokens = "required", http_endpoint = "enabled" } to the launch template.
deny contains result if {
	some template in plan.resources("aws_launch_template")
	some problem in imds_problems(template)
	result := lib.result(rego.metadata.rule(), template, problem)
}

# METADATA
# title: EC2 instances should enable detailed monitoring
# description: Detailed monitoring publishes metrics every minute instead of every five minutes.
# custom:
#   id: AWS-EC2-005
#   severity: low
#   remediation: Set monitoring = true.
warn contains result if {
	some instance in plan.resources("aws_instance")
	plan.not_true(instance, "monitoring")
	result := lib.result(rego.metadata.rule(), instance, "detailed monitoring is not enabled")
}

# METADATA
# title: EC2 instances should have an instance profile
# description: Without an IAM instance profile applications tend to use long-lived access keys on the instance, and SSM management is unavailable.
# custom:
#   id: AWS-EC2-006
#   severity: low
#   remediation: Set iam_instance_profile to an instance profile with least-privilege permissions (and AmazonSSMManagedInstanceCore).
warn contains result if {
	some instance in plan.resources("aws_instance")
	plan.blank(plan.value(instance, "iam_instance_profile"))
	result := lib.result(rego.metadata.rule(), instance, "no iam_instance_profile is attached")
}

# METADATA
# title: AMIs must not be shared publicly
# description: An aws_ami_launch_permission with group = "all" makes the AMI (and any data or secrets in it) public.
# custom:
#   id: AWS-EC2-007
#   severity: critical
#   remediation: Share the AMI with specific account_id or organization_arn values.
deny contains result if {
	some permission in plan.resources("aws_ami_launch_permission")
	plan.value(permission, "group") == "all"
	result := lib.result(rego.metadata.rule(), permission, "shares the AMI publicly (group = \"all\")")
}

# METADATA
# title: EBS encryption by default should be enabled
# description: aws_ebs_encryption_by_default with enabled = false allows unencrypted volumes in the region.
# custom:
#   id: AWS-EC2-008
#   severity: high
#   remediation: Set enabled = true.
warn contains result if {
	some rc in plan.resources("aws_ebs_encryption_by_default")
	plan.value(rc, "enabled") == false
	result := lib.result(rego.metadata.rule(), rc, "EBS encryption by default is disabled")
}

# METADATA
# title: Launch template volumes must be encrypted
# description: block_device_mappings.ebs.encrypted = "false" in a launch template creates unencrypted volumes (not reported when EBS encryption by default is enabled in the plan).
# custom:
#   id: AWS-EC2-009
#   severity: high
#   remediation: Set ebs { encrypted = "true" } in every block_device_mappings block.
deny contains result if {
	some template in plan.resources("aws_launch_template")
	not encryption_by_default
	some i, _ in plan.list(template, "block_device_mappings")
	some j, _ in plan.list(template, ["block_device_mappings", i, "ebs"])
	lower(sprintf("%v", [plan.value(template, ["block_device_mappings", i, "ebs", j, "encrypted"])])) == "false"
	device := plan.value_or(template, ["block_device_mappings", i, "device_name"], "?")
	result := lib.result(rego.metadata.rule(), template, sprintf("block device %s is not encrypted", [device]))
}

# METADATA
# title: Snapshot and AMI copies should be encrypted
# description: aws_ebs_snapshot_copy and aws_ami_copy should set encrypted = true so copies (often shared or cross-region) are encrypted.
# custom:
#   id: AWS-EC2-010
#   severity: medium
#   remediation: Set encrypted = true and kms_key_id on the copy.
warn contains result if {
	some copy in plan.resources_in({"aws_ebs_snapshot_copy", "aws_ami_copy"})
	plan.not_true(copy, "encrypted")
	result := lib.result(rego.metadata.rule(), copy, "the copy is not encrypted")
}

# METADATA
# title: EC2 instances should not use SSH key pairs
# description: SSH key pairs are long-lived shared credentials; AWS Systems Manager Session Manager provides audited access without open ports.
# custom:
#   id: AWS-EC2-011
#   severity: low
#   remediation: Remove key_name and use SSM Session Manager (or EC2 Instance Connect).
warn contains result if {
	some rc in plan.resources_in({"aws_instance", "aws_launch_template"})
	key := plan.value(rc, "key_name")
	not plan.blank(key)
	result := lib.result(rego.metadata.rule(), rc, sprintf("uses the SSH key pair %q", [key]))
}

# METADATA
# title: EBS volumes should use a customer managed KMS key
# description: Volumes encrypted with the AWS managed aws/ebs key cannot be shared across accounts and their key policy cannot be restricted.
# custom:
#   id: AWS-EC2-012
#   severity: low
#   remediation: Set kms_key_id to a customer managed key.
warn contains result if {
	some volume in plan.resources("aws_ebs_volume")
	plan.is_true(volume, "encrypted")
	plan.blank(plan.value(volume, "kms_key_id"))
	result := lib.result(rego.metadata.rule(), volume, "encrypted with the AWS managed key instead of a customer managed key")
}

# METADATA
# title: Launch configurations should not be used
# description: Launch configurations are deprecated, do not support new instance types and features and are replaced by launch templates.
# custom:
#   id: AWS-EC2-013
#   severity: medium
#   remediation: Replace aws_launch_configuration with aws_launch_template (with metadata_options.http_tokens = "required").
warn contains result if {
	some rc in plan.resources("aws_launch_configuration")
	result := lib.result(rego.metadata.rule(), rc, "uses a deprecated launch configuration")
}

# --- helpers -----------------------------------------------------------------

encryption_by_default if {
	some rc in plan.existing("aws_ebs_encryption_by_default")
	plan.is_true(rc, "enabled")
}

snapshot_based(volume) if not plan.blank(plan.value(volume, "snapshot_id"))

# imds_problems(rc): why the metadata options of an instance/template allow IMDSv1.
imds_problems(rc) := {"metadata_options is not set, IMDSv1 stays enabled"} if {
	plan.list(rc, "metadata_options") == []
} else := {problem |
	some i, _ in plan.list(rc, "metadata_options")
	plan.value_or(rc, ["metadata_options", i, "http_endpoint"], "<unknown>") != "disabled"
	tokens := plan.value(rc, ["metadata_options", i, "http_tokens"])
	tokens != "required"
	problem := sprintf("metadata_options.http_tokens is %q, IMDSv2 is not required", [tokens])
}
