# Example guardrails for the aws-fleet example. Its resources are terraform_data
# stand-ins, so these rules read their `input` objects the way a real policy
# reads aws_kms_key or aws_s3_bucket attributes. Results follow the shipped
# library's shape: {id, severity, msg, resource, remediation}.
package fleet.guardrails

creating_or_updating(rc) if {
	some action in rc.change.actions
	action in {"create", "update"}
}

modelled(kind) := [rc |
	some rc in input.resource_changes
	rc.type == "terraform_data"
	rc.name == kind
	creating_or_updating(rc)
]

finding(meta, rc, msg) := {
	"id": meta.custom.id,
	"severity": meta.custom.severity,
	"msg": sprintf("%s: %s", [rc.address, msg]),
	"resource": rc.address,
	"remediation": meta.custom.remediation,
}

# METADATA
# title: KMS keys must rotate
# custom:
#   id: FLEET-001
#   severity: high
#   remediation: Remove enable_key_rotation = false from the key in the tfvars file.
deny contains result if {
	some key in modelled("kms_key")
	key.change.after.input.enable_key_rotation == false
	result := finding(rego.metadata.rule(), key, "automatic key rotation is disabled")
}

# METADATA
# title: Public buckets must be classified as public data
# custom:
#   id: FLEET-002
#   severity: critical
#   remediation: Set public = false, or tag the bucket DataClass = "public" after review.
deny contains result if {
	some bucket in modelled("s3_bucket")
	bucket.change.after.input.public == true
	object.get(bucket.change.after.input, ["tags", "DataClass"], "") != "public"
	result := finding(rego.metadata.rule(), bucket, "bucket is public but not tagged DataClass = public")
}

# METADATA
# title: Deployments carry the ownership tags
# custom:
#   id: FLEET-003
#   severity: medium
#   remediation: Add Owner, Team, Environment and CostCenter to the tags map of the tfvars file.
deny contains result if {
	some deployment in modelled("deployment")
	some tag in ["Owner", "Team", "Environment", "CostCenter"]
	not deployment.change.after.input.tags[tag]
	result := finding(rego.metadata.rule(), deployment, sprintf("tag %s is missing", [tag]))
}

# METADATA
# title: Production keys keep the longest deletion window
# custom:
#   id: FLEET-004
#   severity: low
#   remediation: Use deletion_window_in_days = 30 for keys in production accounts.
warn contains result if {
	some key in modelled("kms_key")
	endswith(key.change.after.input.tags.Environment, "prd")
	key.change.after.input.deletion_window_in_days < 30
	result := finding(rego.metadata.rule(), key, sprintf("deletion window is %d days", [key.change.after.input.deletion_window_in_days]))
}
