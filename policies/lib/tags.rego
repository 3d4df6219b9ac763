# Tag helpers.
#
# The effective tags of a resource are read from `tags_all` (tags merged with
# the provider's default_tags) when it is known, else from `tags`. The `tags`
# fallback is only used when no aws provider configuration declares
# default_tags: otherwise an unknown tags_all may still receive the missing
# keys from default_tags. A tag whose value is unknown counts as present (its
# key is known). When the tags cannot be determined, tag rules do not fire.
package tforch.lib.tags

import data.tforch.lib.plan

# taggable(rc) holds for AWS resources whose schema has a `tags` argument.
taggable(rc) if {
	startswith(rc.type, "aws_")
	has_tags_attribute(rc)
}

has_tags_attribute(rc) if "tags" in object.keys(plan.after(rc))

has_tags_attribute(rc) if "tags" in object.keys(plan.after_unknown(rc))

has_tags_attribute(rc) if "tags_all" in object.keys(plan.after(rc))

# source(rc): the attribute the effective tags are read from.
source(rc) := "tags_all" if {
	not plan.unknown(rc, "tags_all")
	is_object(plan.value(rc, "tags_all"))
} else := "tags" if {
	not plan.unknown(rc, "tags")
	not tags_all_pending(rc)
}

# tags_all is unknown and default_tags may still add keys to it.
tags_all_pending(rc) if {
	plan.unknown(rc, "tags_all")
	default_tags_configured
}

# default_tags_configured holds when an aws provider block sets default_tags.
default_tags_configured if {
	some _, provider in object.get(input, ["configuration", "provider_config"], {})
	provider.name == "aws"
	count(object.get(provider, ["expressions", "default_tags"], [])) > 0
}

# tags(rc): known tag map (values of unknown tags are missing); undefined when
# the tags are undetermined.
tags(rc) := m if {
	m := plan.value(rc, source(rc))
	is_object(m)
} else := {} if {
	plan.value(rc, source(rc)) == null
}

# keys(rc): set of tag keys that will be present (known or unknown value).
keys(rc) := object.keys(tags(rc)) | unknown_keys(rc)

unknown_keys(rc) := {k |
	u := object.get(plan.after_unknown(rc), source(rc), {})
	is_object(u)
	some k, v in u
	v == true
}

# missing(rc, required): required keys that are known to be absent.
missing(rc, required) := {k | some k in required; not k in keys(rc)}

# value(rc, key): the known value of a tag.
value(rc, key) := tags(rc)[key]
