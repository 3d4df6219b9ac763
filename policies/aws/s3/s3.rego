# S3 policies.
#
# Since AWS provider v4 the settings of a bucket are separate resources
# (aws_s3_bucket_server_side_encryption_configuration, aws_s3_bucket_versioning,
# aws_s3_bucket_public_access_block, aws_s3_bucket_logging, ...). Bucket rules
# correlate an aws_s3_bucket with its companions through their `bucket`
# argument (configuration references or equal known bucket names), see
# data.tforch.lib.correlate.
package tforch.aws.s3

import data.tforch.lib
import data.tforch.lib.correlate
import data.tforch.lib.iam
import data.tforch.lib.plan

# METADATA
# title: S3 bucket must declare server-side encryption
# description: >-
#   Every aws_s3_bucket must have an aws_s3_bucket_server_side_encryption_configuration
#   (or, for legacy code, an inline server_side_encryption_configuration block).
#   Since January 2023 S3 encrypts new objects with SSE-S3 by default, but this
#   library requires the encryption to be declared in code so that the choice is
#   explicit, reviewed and protected against drift; AWS-S3-002 additionally
#   recommends SSE-KMS.
# custom:
#   id: AWS-S3-001
#   severity: critical
#   remediation: >-
#     Add an aws_s3_bucket_server_side_encryption_configuration resource whose bucket
#     argument references this bucket (bucket = aws_s3_bucket.<name>.id) with
#     rule { apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" } }.
deny contains result if {
	some bucket in plan.resources("aws_s3_bucket")
	not encryption_declared(bucket)
	result := lib.result(
		rego.metadata.rule(), bucket,
		"no server-side encryption configuration (aws_s3_bucket_server_side_encryption_configuration) is declared for the bucket",
	)
}

# METADATA
# title: S3 default encryption should use SSE-KMS
# description: >-
#   Default encryption with AES256 (SSE-S3) cannot be restricted with key policies
#   and leaves no key usage trail in CloudTrail. Use aws:kms or aws:kms:dsse.
# custom:
#   id: AWS-S3-002
#   severity: medium
#   remediation: >-
#     Set rule.apply_server_side_encryption_by_default.sse_algorithm = "aws:kms" and
#     kms_master_key_id to a customer managed KMS key.
warn contains result if {
	some sse in plan.resources("aws_s3_bucket_server_side_encryption_configuration")
	some algorithm in sse_algorithms(sse)
	not algorithm in {"aws:kms", "aws:kms:dsse"}
	result := lib.result(
		rego.metadata.rule(), sse,
		sprintf("default encryption uses %q instead of SSE-KMS", [algorithm]),
	)
}

# METADATA
# title: S3 SSE-KMS should enable S3 Bucket Keys
# description: >-
#   Without bucket_key_enabled every object operation calls KMS, which increases
#   cost and the risk of KMS request throttling.
# custom:
#   id: AWS-S3-003
#   severity: low
#   remediation: Set rule.bucket_key_enabled = true in the aws_s3_bucket_server_side_encryption_configuration.
warn contains result if {
	some sse in plan.resources("aws_s3_bucket_server_side_encryption_configuration")
	some i, _ in plan.list(sse, "rule")
	some j, _ in plan.list(sse, ["rule", i, "apply_server_side_encryption_by_default"])
	plan.value(sse, ["rule", i, "apply_server_side_encryption_by_default", j, "sse_algorithm"]) == "aws:kms"
	plan.not_true(sse, ["rule", i, "bucket_key_enabled"])
	result := lib.result(rego.metadata.rule(), sse, "SSE-KMS is used without S3 Bucket Keys (bucket_key_enabled)")
}

# METADATA
# title: S3 bucket must have a public access block
# description: >-
#   Every bucket needs an aws_s3_bucket_public_access_block, unless the plan
#   manages an aws_s3_account_public_access_block that enables all four settings.
# custom:
#   id: AWS-S3-004
#   severity: high
#   remediation: >-
#     Add an aws_s3_bucket_public_access_block with bucket = aws_s3_bucket.<name>.id and
#     block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets = true.
deny contains result if {
	some bucket in plan.resources("aws_s3_bucket")
	not correlate.has_related(bucket, "aws_s3_bucket_public_access_block", "bucket", "bucket")
	not account_blocks_public_access
	result := lib.result(rego.metadata.rule(), bucket, "no aws_s3_bucket_public_access_block is associated with the bucket")
}

# METADATA
# title: S3 public access block must enable all four settings
# description: >-
#   block_public_acls, block_public_policy, ignore_public_acls and
#   restrict_public_buckets must all be true (bucket or account level).
# custom:
#   id: AWS-S3-005
#   severity: high
#   remediation: Set all four arguments of the public access block to true.
deny contains result if {
	some pab in plan.resources_in({"aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"})
	disabled := [setting | some setting in public_access_settings; plan.not_true(pab, setting)]
	count(disabled) > 0
	result := lib.result(
		rego.metadata.rule(), pab,
		sprintf("public access block settings not enabled: %s", [concat(", ", disabled)]),
	)
}

# METADATA
# title: S3 bucket should have versioning configured
# description: >-
#   Versioning protects against accidental deletion and overwrite. The bucket needs an
#   aws_s3_bucket_versioning companion (or a legacy inline versioning block).
# custom:
#   id: AWS-S3-006
#   severity: medium
#   remediation: >-
#     Add an aws_s3_bucket_versioning with bucket = aws_s3_bucket.<name>.id and
#     versioning_configuration { status = "Enabled" }.
warn contains result if {
	some bucket in plan.resources("aws_s3_bucket")
	not correlate.has_related(bucket, "aws_s3_bucket_versioning", "bucket", "bucket")
	not inline_declared(bucket, "versioning")
	result := lib.result(rego.metadata.rule(), bucket, "no aws_s3_bucket_versioning is associated with the bucket")
}

# METADATA
# title: S3 versioning should be enabled
# description: An aws_s3_bucket_versioning whose status is Suspended or Disabled does not protect objects.
# custom:
#   id: AWS-S3-007
#   severity: medium
#   remediation: Set versioning_configuration.status = "Enabled".
warn contains result if {
	some versioning in plan.resources("aws_s3_bucket_versioning")
	some i, _ in plan.list(versioning, "versioning_configuration")
	status := plan.value(versioning, ["versioning_configuration", i, "status"])
	status != "Enabled"
	result := lib.result(rego.metadata.rule(), versioning, sprintf("versioning status is %q", [status]))
}

# METADATA
# title: S3 bucket should have access logging
# description: >-
#   Server access logs are needed for security investigations. The bucket needs an
#   aws_s3_bucket_logging companion. Buckets that are themselves the target_bucket
#   of an aws_s3_bucket_logging (log buckets) are exempt.
# custom:
#   id: AWS-S3-008
#   severity: medium
#   remediation: Add an aws_s3_bucket_logging with bucket = aws_s3_bucket.<name>.id and a target_bucket.
warn contains result if {
	some bucket in plan.resources("aws_s3_bucket")
	not correlate.has_related(bucket, "aws_s3_bucket_logging", "bucket", "bucket")
	not inline_declared(bucket, "logging")
	not correlate.has_related(bucket, "aws_s3_bucket_logging", "target_bucket", "bucket")
	result := lib.result(rego.metadata.rule(), bucket, "no aws_s3_bucket_logging is associated with the bucket")
}

# METADATA
# title: S3 bucket should have a lifecycle configuration
# description: Lifecycle rules expire old versions and incomplete multipart uploads and control storage cost.
# custom:
#   id: AWS-S3-009
#   severity: low
#   remediation: Add an aws_s3_bucket_lifecycle_configuration with bucket = aws_s3_bucket.<name>.id.
warn contains result if {
	some bucket in plan.resources("aws_s3_bucket")
	not correlate.has_related(bucket, "aws_s3_bucket_lifecycle_configuration", "bucket", "bucket")
	not inline_declared(bucket, "lifecycle_rule")
	result := lib.result(rego.metadata.rule(), bucket, "no aws_s3_bucket_lifecycle_configuration is associated with the bucket")
}

# METADATA
# title: S3 bucket ACL must not be public
# description: >-
#   Canned ACLs public-read, public-read-write and authenticated-read expose the
#   bucket to everyone (or to every AWS account). Checked on aws_s3_bucket_acl
#   and on the legacy acl argument of aws_s3_bucket.
# custom:
#   id: AWS-S3-010
#   severity: critical
#   remediation: Use acl = "private" or, better, disable ACLs with aws_s3_bucket_ownership_controls (BucketOwnerEnforced).
deny contains result if {
	some rc in acl_holders
	acl := plan.value(rc, "acl")
	acl in public_canned_acls
	result := lib.result(rego.metadata.rule(), rc, sprintf("canned ACL %q grants public access", [acl]))
}

# METADATA
# title: S3 bucket ACL grants must not include AllUsers or AuthenticatedUsers
# description: Grants to the AllUsers or AuthenticatedUsers groups make the bucket public.
# custom:
#   id: AWS-S3-011
#   severity: critical
#   remediation: Remove grants whose grantee uri is http://acs.amazonaws.com/groups/global/AllUsers or AuthenticatedUsers.
deny contains result if {
	some acl in plan.resources("aws_s3_bucket_acl")
	some i, _ in plan.list(acl, "access_control_policy")
	some j, _ in plan.list(acl, ["access_control_policy", i, "grant"])
	some k, _ in plan.list(acl, ["access_control_policy", i, "grant", j, "grantee"])
	uri := plan.value(acl, ["access_control_policy", i, "grant", j, "grantee", k, "uri"])
	uri in public_groups
	permission := plan.value_or(acl, ["access_control_policy", i, "grant", j, "permission"], "<unknown>")
	result := lib.result(rego.metadata.rule(), acl, sprintf("ACL grants %s to %s", [permission, uri]))
}

# METADATA
# title: S3 bucket policy must not allow public access
# description: >-
#   An Allow statement for Principal "*" (or {"AWS": "*"}) without a condition that
#   restricts the caller (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID,
#   aws:SourceVpce, ...) makes the bucket public.
# custom:
#   id: AWS-S3-012
#   severity: critical
#   remediation: Restrict the principal to specific accounts/roles or add a restricting condition; serve public content via CloudFront with origin access control.
deny contains result if {
	some rc in bucket_policies
	doc := iam.doc_at(rc, "policy")
	some s in iam.statements(doc)
	iam.public_allow(s)
	result := lib.result(rego.metadata.rule(), rc, sprintf("bucket policy statement %s allows a public principal", [iam.sid(s)]))
}

# METADATA
# title: S3 bucket policy must not allow wildcard actions
# description: Allow statements with Action "*" or "s3:*" grant every S3 operation, including deleting the bucket and changing its policy.
# custom:
#   id: AWS-S3-013
#   severity: high
#   remediation: List the specific S3 actions the principal needs.
deny contains result if {
	some rc in bucket_policies
	doc := iam.doc_at(rc, "policy")
	some s in iam.allow_statements(doc)
	wildcards := iam.wildcard_actions(s)
	count(wildcards) > 0
	result := lib.result(
		rego.metadata.rule(), rc,
		sprintf("bucket policy statement %s allows wildcard actions %v", [iam.sid(s), sort(wildcards)]),
	)
}

# METADATA
# title: S3 bucket should enforce TLS
# description: >-
#   The bucket should have an aws_s3_bucket_policy with a Deny statement on
#   aws:SecureTransport = false (or s3:TlsVersion) so that plain HTTP requests are
#   rejected. Buckets whose policy is unknown at plan time are not reported.
# custom:
#   id: AWS-S3-014
#   severity: medium
#   remediation: Add a Deny statement for Principal "*", Action "s3:*" with Condition Bool aws:SecureTransport = "false" to the bucket policy.
warn contains result if {
	some bucket in plan.resources("aws_s3_bucket")
	policies := correlate.related(bucket, "aws_s3_bucket_policy", "bucket", "bucket")
	not enforces_tls(policies)
	not policy_unknown(policies)
	result := lib.result(rego.metadata.rule(), bucket, "no bucket policy denies requests without TLS (aws:SecureTransport)")
}

# METADATA
# title: S3 object ownership should be BucketOwnerEnforced
# description: BucketOwnerEnforced disables ACLs, so access is controlled by policies only.
# custom:
#   id: AWS-S3-015
#   severity: low
#   remediation: Set rule.object_ownership = "BucketOwnerEnforced" in aws_s3_bucket_ownership_controls.
warn contains result if {
	some oc in plan.resources("aws_s3_bucket_ownership_controls")
	some i, _ in plan.list(oc, "rule")
	ownership := plan.value(oc, ["rule", i, "object_ownership"])
	ownership != "BucketOwnerEnforced"
	result := lib.result(rego.metadata.rule(), oc, sprintf("object ownership is %q, ACLs stay enabled", [ownership]))
}

# METADATA
# title: S3 static website hosting should not be used
# description: S3 website endpoints are HTTP only and require a public bucket.
# custom:
#   id: AWS-S3-016
#   severity: medium
#   remediation: Serve static content from a private bucket through CloudFront with origin access control.
warn contains result if {
	some website in plan.resources("aws_s3_bucket_website_configuration")
	result := lib.result(rego.metadata.rule(), website, "static website hosting is enabled")
}

# METADATA
# title: S3 bucket should not use force_destroy
# description: force_destroy deletes every object (and version) when the bucket is destroyed.
# custom:
#   id: AWS-S3-017
#   severity: low
#   remediation: Set force_destroy = false (the default) on buckets holding data.
warn contains result if {
	some bucket in plan.resources("aws_s3_bucket")
	plan.is_true(bucket, "force_destroy")
	result := lib.result(rego.metadata.rule(), bucket, "force_destroy is enabled")
}

# METADATA
# title: S3 CORS should not allow every origin
# description: A CORS rule with allowed_origins "*" lets any web site read the bucket from a browser.
# custom:
#   id: AWS-S3-018
#   severity: medium
#   remediation: List the exact origins (https://app.example.com) in cors_rule.allowed_origins.
warn contains result if {
	some cors in plan.resources("aws_s3_bucket_cors_configuration")
	some i, _ in plan.list(cors, "cors_rule")
	"*" in plan.list(cors, ["cors_rule", i, "allowed_origins"])
	result := lib.result(rego.metadata.rule(), cors, "a CORS rule allows every origin (*)")
}

# --- helpers -----------------------------------------------------------------

public_access_settings := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

public_canned_acls := {"public-read", "public-read-write", "authenticated-read"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

encryption_declared(bucket) if correlate.has_related(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket", "bucket")

encryption_declared(bucket) if inline_declared(bucket, "server_side_encryption_configuration")

# inline_declared(bucket, block): the legacy inline block is set in the
# configuration (or, without configuration, is known and non-empty). The
# computed value AWS reports for an undeclared block does not count.
inline_declared(bucket, block) if correlate.set_in_code(bucket, block)

sse_algorithms(sse) := {algorithm |
	some i, _ in plan.list(sse, "rule")
	some j, _ in plan.list(sse, ["rule", i, "apply_server_side_encryption_by_default"])
	algorithm := plan.value(sse, ["rule", i, "apply_server_side_encryption_by_default", j, "sse_algorithm"])
}

account_blocks_public_access if {
	some pab in plan.existing("aws_s3_account_public_access_block")
	every setting in public_access_settings {
		plan.is_true(pab, setting)
	}
}

# Bucket policies: aws_s3_bucket_policy and the legacy policy argument.
bucket_policies := plan.resources("aws_s3_bucket_policy") | {b |
	some b in plan.resources("aws_s3_bucket")
	inline_declared(b, "policy")
}

# ACLs: aws_s3_bucket_acl and the legacy acl argument of aws_s3_bucket.
acl_holders := plan.resources("aws_s3_bucket_acl") | {b |
	some b in plan.resources("aws_s3_bucket")
	inline_declared(b, "acl")
}

enforces_tls(policies) if {
	some p in policies
	doc := iam.doc_at(p, "policy")
	some s in iam.statements(doc)
	s.Effect == "Deny"
	tls_condition(s)
}

tls_condition(s) if {
	some v in iam.condition_values(s, "aws:SecureTransport")
	lower(sprintf("%v", [v])) == "false"
}

tls_condition(s) if count(iam.condition_values(s, "s3:TlsVersion")) > 0

policy_unknown(policies) if {
	some p in policies
	plan.unknown(p, "policy")
}
