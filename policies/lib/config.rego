# Library settings. Defaults can be overridden by loading a data document
# (e.g. `opa eval -d policies -d tforch-config.json ...`) of the form:
#
#   {"tforch_config": {
#     "required_tags": ["Owner", "Team", "Environment", "CostCenter"],
#     "allowed_environments": ["prod", "staging", "dev"],
#     "untagged_types": ["aws_iam_policy"]
#   }}
package tforch.lib.config

default_required_tags := ["Owner", "Team", "Environment", "CostCenter"]

default_allowed_environments := [
	"prod", "production", "staging", "stage", "preprod", "uat", "qa", "test", "dev", "development", "sandbox", "shared",
]

required_tags := data.tforch_config.required_tags if {
	is_array(data.tforch_config.required_tags)
} else := default_required_tags

# The tag whose value must be one of allowed_environments.
environment_tag := data.tforch_config.environment_tag if {
	is_string(data.tforch_config.environment_tag)
} else := "Environment"

allowed_environments := data.tforch_config.allowed_environments if {
	is_array(data.tforch_config.allowed_environments)
} else := default_allowed_environments

# Resource types exempt from the tag rules.
untagged_types := {t | some t in data.tforch_config.untagged_types} if {
	is_array(data.tforch_config.untagged_types)
} else := set()
