# Tagging policies for every taggable AWS resource (a resource whose schema has
# a `tags` argument). Effective tags are read from tags_all (tags merged with
# the provider's default_tags) when known, else from tags; a tag whose value is
# unknown counts as present. See data.tforch.lib.tags and data.tforch.lib.config
# (required tags and allowed environments are configurable).
package tforch.common.tags

import data.tforch.lib
import data.tforch.lib.config
import data.tforch.lib.plan
import data.tforch.lib.tags

# METADATA
# title: Resources must carry the required tags
# description: >-
#   Every taggable AWS resource must have the tags Owner, Team, Environment and
#   CostCenter (configurable with data.tforch_config.required_tags), set on the
#   resource or through the provider's default_tags. They are needed for
#   ownership, incident routing and cost allocation.
# custom:
#   id: COMMON-001
#   severity: medium
#   remediation: Add the missing tags to the resource, or to default_tags in the aws provider block.
deny contains result if {
	some rc in taggable_changes
	missing := tags.missing(rc, config.required_tags)
	count(missing) > 0
	result := lib.result(rego.metadata.rule(), rc, sprintf("missing required tags: %s", [concat(", ", sort(missing))]))
}

# METADATA
# title: Required tags should not be empty
# description: A required tag with an empty or whitespace-only value carries no information.
# custom:
#   id: COMMON-002
#   severity: low
#   remediation: Give every required tag a meaningful value.
warn contains result if {
	some rc in taggable_changes
	empty := [key |
		some key in config.required_tags
		value := tags.value(rc, key)
		plan.blank(value)
	]
	count(empty) > 0
	result := lib.result(rego.metadata.rule(), rc, sprintf("required tags with empty values: %s", [concat(", ", sort(empty))]))
}

# METADATA
# title: Environment tag should use an allowed value
# description: >-
#   The Environment tag must be one of the allowed values (case-insensitive;
#   default prod, production, staging, stage, preprod, uat, qa, test, dev,
#   development, sandbox, shared; configurable with
#   data.tforch_config.allowed_environments) so reports and policies can rely on it.
# custom:
#   id: COMMON-003
#   severity: low
#   remediation: Use one of the allowed environment names.
warn contains result if {
	some rc in taggable_changes
	value := tags.value(rc, config.environment_tag)
	is_string(value)
	not plan.blank(value)
	not lower(value) in {lower(v) | some v in config.allowed_environments}
	result := lib.result(rego.metadata.rule(), rc, sprintf("%s tag value %q is not an allowed environment", [config.environment_tag, value]))
}

# METADATA
# title: Tag keys should match the required spelling
# description: Tag keys are case-sensitive; "owner" or "costcenter" do not satisfy Owner or CostCenter and break cost allocation reports.
# custom:
#   id: COMMON-004
#   severity: low
#   remediation: Rename the tag key to the exact required spelling.
warn contains result if {
	some rc in taggable_changes
	some key in tags.keys(rc)
	some required in config.required_tags
	key != required
	lower(key) == lower(required)
	result := lib.result(rego.metadata.rule(), rc, sprintf("tag key %q should be spelled %q", [key, required]))
}

taggable_changes := {rc |
	some rc in input.resource_changes
	plan.managed(rc)
	plan.changing(rc)
	tags.taggable(rc)
	not rc.type in config.untagged_types
}
