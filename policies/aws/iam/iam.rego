# IAM policies.
#
# Identity policy documents are read from aws_iam_policy, aws_iam_role_policy,
# aws_iam_user_policy, aws_iam_group_policy (policy) and the inline_policy
# blocks of aws_iam_role. Resource policies of other services (S3, KMS, SNS,
# SQS, DynamoDB, ...) are checked by those services' packages.
package tforch.aws.iam

import data.tforch.lib
import data.tforch.lib.iam
import data.tforch.lib.plan

# METADATA
# title: IAM policies must not allow all actions
# description: An Allow statement with Action "*" grants full administrator access.
# custom:
#   id: AWS-IAM-001
#   severity: critical
#   remediation: List the specific actions the identity needs; use AWS managed job-function policies as a starting point.
deny contains result if {
	some doc in identity_documents
	some s in iam.allow_statements(doc.document)
	some a in iam.actions(s)
	iam.full_wildcard(a)
	result := lib.result(rego.metadata.rule(), doc.rc, sprintf("%s statement %s allows all actions (%q)", [doc.where, iam.sid(s), a]))
}

# METADATA
# title: IAM policies must not allow service-wide wildcard actions
# description: An Allow statement with Action "<service>:*" (e.g. "s3:*", "iam:*") grants every action of the service, including destructive and privilege-changing ones.
# custom:
#   id: AWS-IAM-002
#   severity: high
#   remediation: Replace "<service>:*" with the specific actions needed (e.g. s3:GetObject, s3:PutObject).
deny contains result if {
	some doc in identity_documents
	some s in iam.allow_statements(doc.document)
	some a in iam.actions(s)
	iam.service_wildcard(a)
	not iam.full_wildcard(a)
	result := lib.result(rego.metadata.rule(), doc.rc, sprintf("%s statement %s allows every action of a service (%q)", [doc.where, iam.sid(s), a]))
}

# METADATA
# title: IAM policies should not use Allow with NotAction
# description: Allow with NotAction grants every action except the listed ones, including actions of services added in the future.
# custom:
#   id: AWS-IAM-003
#   severity: high
#   remediation: Use Action with an explicit list of allowed actions instead of NotAction.
warn contains result if {
	some doc in identity_documents
	some s in iam.allow_statements(doc.document)
	count(iam.not_actions(s)) > 0
	result := lib.result(rego.metadata.rule(), doc.rc, sprintf("%s statement %s uses Allow with NotAction", [doc.where, iam.sid(s)]))
}

# METADATA
# title: IAM policies should not allow write actions on all resources
# description: >-
#   An Allow statement with Resource "*" and actions that are not read-only
#   (Describe*, List*, Get*, BatchGet*, Head*) applies the write access to every
#   resource of the account. Wildcard actions are reported by AWS-IAM-001/002.
# custom:
#   id: AWS-IAM-004
#   severity: medium
#   remediation: Scope Resource to the ARNs the actions must apply to.
warn contains result if {
	some doc in identity_documents
	some s in iam.allow_statements(doc.document)
	"*" in iam.resources(s)
	write := {a | some a in iam.actions(s); not iam.wildcard(a); not read_only(a)}
	count(write) > 0
	result := lib.result(
		rego.metadata.rule(), doc.rc,
		sprintf("%s statement %s allows %v on Resource \"*\"", [doc.where, iam.sid(s), sort(write)]),
	)
}

# METADATA
# title: IAM policies should not use Allow with NotResource
# description: Allow with NotResource grants access to every resource except the listed ones.
# custom:
#   id: AWS-IAM-005
#   severity: high
#   remediation: Use Resource with an explicit list of ARNs instead of NotResource.
warn contains result if {
	some doc in identity_documents
	some s in iam.allow_statements(doc.document)
	object.get(s, "NotResource", null) != null
	result := lib.result(rego.metadata.rule(), doc.rc, sprintf("%s statement %s uses Allow with NotResource", [doc.where, iam.sid(s)]))
}

# METADATA
# title: IAM role trust policy must not trust everyone
# description: >-
#   An assume_role_policy that allows Principal "*" (or {"AWS": "*"}) without a
#   restricting condition lets any AWS account assume the role.
# custom:
#   id: AWS-IAM-006
#   severity: critical
#   remediation: Trust specific accounts, roles or services, or add an aws:PrincipalOrgID / aws:PrincipalAccount condition.
deny contains result if {
	some role in plan.resources("aws_iam_role")
	doc := iam.doc_at(role, "assume_role_policy")
	some s in iam.statements(doc)
	iam.public_allow(s)
	result := lib.result(rego.metadata.rule(), role, sprintf("trust policy statement %s allows any principal to assume the role", [iam.sid(s)]))
}

# METADATA
# title: GitHub Actions OIDC trust must restrict the subject
# description: >-
#   A role trusting token.actions.githubusercontent.com must have a condition on
#   token.actions.githubusercontent.com:sub that names the repository; otherwise any
#   GitHub repository can assume the role.
# custom:
#   id: AWS-IAM-007
#   severity: high
#   remediation: >-
#     Add Condition StringLike "token.actions.githubusercontent.com:sub" =
#     "repo:<org>/<repo>:*" (or a narrower ref/environment) and StringEquals
#     "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com".
deny contains result if {
	some role in plan.resources("aws_iam_role")
	doc := iam.doc_at(role, "assume_role_policy")
	some s in iam.allow_statements(doc)
	some p in iam.principal_values(s)
	contains(p, "token.actions.githubusercontent.com")
	not github_subject_restricted(s)
	result := lib.result(rego.metadata.rule(), role, sprintf("trust policy statement %s trusts GitHub OIDC without restricting token.actions.githubusercontent.com:sub to a repository", [iam.sid(s)]))
}

# METADATA
# title: IAM policies should not be attached to users
# description: Grant permissions to groups or roles (or use IAM Identity Center) instead of attaching policies to individual IAM users (CIS AWS 1.15).
# custom:
#   id: AWS-IAM-008
#   severity: medium
#   remediation: Attach the policy to an IAM group and add the user to the group, or use roles.
warn contains result if {
	some rc in user_attachments
	result := lib.result(rego.metadata.rule(), rc, "a policy is attached directly to IAM users")
}

# METADATA
# title: AdministratorAccess must not be attached
# description: The AWS managed AdministratorAccess policy grants every action on every resource.
# custom:
#   id: AWS-IAM-009
#   severity: critical
#   remediation: Attach a least-privilege policy; reserve administrator access for break-glass roles managed outside this pipeline.
deny contains result if {
	some attachment in policy_arn_attachments
	admin_policy(attachment.arn)
	result := lib.result(rego.metadata.rule(), attachment.rc, sprintf("attaches %s", [attachment.arn]))
}

# METADATA
# title: IAM users should not have access keys
# description: Long-lived access keys leak easily; workloads should use roles and humans IAM Identity Center.
# custom:
#   id: AWS-IAM-010
#   severity: high
#   remediation: Use IAM roles (instance profiles, IRSA, OIDC federation) instead of aws_iam_access_key.
warn contains result if {
	some rc in plan.resources("aws_iam_access_key")
	plan.value(rc, "status") != "Inactive"
	result := lib.result(rego.metadata.rule(), rc, "creates a long-lived IAM user access key")
}

# METADATA
# title: Password policy should require at least 14 characters
# description: CIS AWS 1.8 requires a minimum password length of 14.
# custom:
#   id: AWS-IAM-011
#   severity: medium
#   remediation: Set minimum_password_length = 14 or more in aws_iam_account_password_policy.
warn contains result if {
	some rc in plan.resources("aws_iam_account_password_policy")
	length := plan.value(rc, "minimum_password_length")
	is_number(length)
	length < 14
	result := lib.result(rego.metadata.rule(), rc, sprintf("minimum_password_length is %v (< 14)", [length]))
}

# METADATA
# title: Password policy should require complex passwords
# description: Passwords should require lowercase, uppercase, numbers and symbols.
# custom:
#   id: AWS-IAM-012
#   severity: medium
#   remediation: Set require_lowercase_characters, require_uppercase_characters, require_numbers and require_symbols to true.
warn contains result if {
	some rc in plan.resources("aws_iam_account_password_policy")
	missing := [attr |
		some attr in ["require_lowercase_characters", "require_uppercase_characters", "require_numbers", "require_symbols"]
		plan.not_true(rc, attr)
	]
	count(missing) > 0
	result := lib.result(rego.metadata.rule(), rc, sprintf("password complexity not required: %s", [concat(", ", missing)]))
}

# METADATA
# title: Password policy should prevent password reuse
# description: CIS AWS 1.9 requires preventing the reuse of the last 24 passwords.
# custom:
#   id: AWS-IAM-013
#   severity: medium
#   remediation: Set password_reuse_prevention = 24.
warn contains result if {
	some rc in plan.resources("aws_iam_account_password_policy")
	reuse := plan.value(rc, "password_reuse_prevention")
	not reuse >= 24
	result := lib.result(rego.metadata.rule(), rc, sprintf("password_reuse_prevention is %v (< 24)", [reuse]))
}

# METADATA
# title: IAM users should not get console passwords
# description: aws_iam_user_login_profile creates a console password for an IAM user; human access should use IAM Identity Center (SSO).
# custom:
#   id: AWS-IAM-014
#   severity: medium
#   remediation: Give people access through IAM Identity Center permission sets instead of IAM user passwords.
warn contains result if {
	some rc in plan.resources("aws_iam_user_login_profile")
	result := lib.result(rego.metadata.rule(), rc, "creates a console password for an IAM user")
}

# METADATA
# title: iam:PassRole must not be allowed on all roles
# description: Allowing iam:PassRole (or iam:Pass*, iam:*) on Resource "*" lets the identity hand any role, including administrator roles, to a service, which is a privilege escalation path.
# custom:
#   id: AWS-IAM-015
#   severity: high
#   remediation: Restrict iam:PassRole to the ARNs of the roles that must be passed and add an iam:PassedToService condition.
deny contains result if {
	some doc in identity_documents
	some s in iam.allow_statements(doc.document)
	"*" in iam.resources(s)
	some a in iam.actions(s)
	startswith(a, "iam:")
	iam.matches_action(a, "iam:passrole")
	result := lib.result(rego.metadata.rule(), doc.rc, sprintf("%s statement %s allows %q on Resource \"*\"", [doc.where, iam.sid(s), a]))
}

# --- helpers -----------------------------------------------------------------

# identity_documents: {"rc", "where", "document"} for every identity policy.
identity_documents contains {"rc": rc, "where": "policy", "document": doc} if {
	some rc in plan.resources_in({"aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"})
	doc := iam.doc_at(rc, "policy")
}

identity_documents contains {"rc": rc, "where": where, "document": doc} if {
	some rc in plan.resources("aws_iam_role")
	some i, _ in plan.list(rc, "inline_policy")
	doc := iam.doc_at(rc, ["inline_policy", i, "policy"])
	where := sprintf("inline policy %q", [plan.value_or(rc, ["inline_policy", i, "name"], "?")])
}

read_only(a) if {
	parts := split(a, ":")
	count(parts) == 2
	some prefix in ["describe", "list", "get", "batchget", "head"]
	startswith(parts[1], prefix)
}

admin_policy(arn) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, arn)

github_subject_restricted(s) if {
	subjects := iam.condition_values(s, "token.actions.githubusercontent.com:sub")
	count(subjects) > 0
	every sub in subjects {
		is_string(sub)
		not sub in {"*", "repo:*", "repo:*/*", "repo:*:*"}
	}
}

user_attachments := plan.resources_in({"aws_iam_user_policy", "aws_iam_user_policy_attachment"}) | {rc |
	some rc in plan.resources("aws_iam_policy_attachment")
	count(plan.list(rc, "users")) > 0
}

# policy_arn_attachments: {"rc", "arn"} for every managed policy attachment.
policy_arn_attachments contains {"rc": rc, "arn": arn} if {
	some rc in plan.resources_in({
		"aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment",
		"aws_iam_group_policy_attachment", "aws_iam_policy_attachment",
	})
	arn := plan.value(rc, "policy_arn")
	is_string(arn)
}

policy_arn_attachments contains {"rc": rc, "arn": arn} if {
	some rc in plan.resources_in({"aws_iam_role", "aws_iam_role_policy_attachments_exclusive"})
	some attr in ["managed_policy_arns", "policy_arns"]
	some arn in plan.list(rc, attr)
	is_string(arn)
}
