# Helpers over the JSON produced by `tofu show -json <planfile>`.
#
# Selection: rules look at managed resources that are being created or updated
# (change.actions contains "create" or "update", which includes replacements
# ["delete","create"] / ["create","delete"]). "no-op", "delete", "read" and
# "forget" changes are ignored.
#
# Unknown values: a value is unknown when its path, or any prefix of its path,
# is `true` in change.after_unknown. value() is undefined for unknown values, so
# a rule written as `plan.value(rc, "x") == false` never fires on an unknown x.
package tforch.lib.plan

# managed(rc) holds for managed resources (not data sources).
managed(rc) if object.get(rc, "mode", "managed") == "managed"

# changing(rc) holds when the change creates or updates the resource.
changing(rc) if {
	some action in rc.change.actions
	action in {"create", "update"}
}

# present(rc) holds when the resource exists after apply: created, updated or
# unchanged (no-op). Used for companion resources, which may be untouched.
present(rc) if {
	managed(rc)
	some action in rc.change.actions
	action in {"create", "update", "no-op"}
}

# deleted(rc) holds for plain deletes (the resource is gone after apply).
deleted(rc) if rc.change.actions == ["delete"]

# changes_by_type[type]: managed resources of each type being created or
# updated (a complete rule, so it is computed once per query).
changes_by_type := {t: rcs |
	some t in {rc.type | some rc in input.resource_changes}
	rcs := {rc | some rc in input.resource_changes; rc.type == t; managed(rc); changing(rc)}
}

# All managed resource changes of one type that are being created or updated.
resources(type) := object.get(changes_by_type, type, set())

# Same as resources/1 for a set (or array) of types.
resources_in(types) := {rc | some type in types; some rc in resources(type)}

# All managed resources of one type that exist after apply (incl. no-op).
existing(type) := {rc |
	some rc in input.resource_changes
	rc.type == type
	present(rc)
}

# change.after as an object ({} for deletes).
after(rc) := a if {
	a := rc.change.after
	is_object(a)
} else := {}

# change.after_unknown as an object ({} when absent).
after_unknown(rc) := u if {
	u := rc.change.after_unknown
	is_object(u)
} else := {}

# path(p): a path is an array of keys/indexes; a single string is one key.
path(p) := p if is_array(p)

path(p) := [p] if not is_array(p)

# unknown(rc, p) holds when the value at path p (or one of its parents) will
# only be known after apply.
unknown(rc, p) if {
	ps := path(p)
	some n in numbers.range(1, count(ps))
	object.get(after_unknown(rc), array.slice(ps, 0, n), false) == true
}

# value(rc, p): the known planned value at path p; null when absent or null;
# undefined when unknown.
value(rc, p) := object.get(after(rc), path(p), null) if not unknown(rc, p)

# value_or(rc, p, d): the known value at p (null when absent), d when unknown.
value_or(rc, p, d) := v if {
	v := value(rc, p)
} else := d

# known(rc, p) holds when the value at p is known and not null.
known(rc, p) if value(rc, p) != null

# is_true(rc, p) holds when the value at p is known to be true.
is_true(rc, p) if value(rc, p) == true

# not_true(rc, p) holds when the value at p is known and is not true
# (false, null or absent, i.e. the provider default of an optional bool).
not_true(rc, p) if value(rc, p) != true

# list(rc, p): known list at p ([] when null/absent); undefined when unknown.
list(rc, p) := v if {
	v := value(rc, p)
	is_array(v)
} else := [] if {
	value(rc, p) == null
}

# blank(x) holds for null, "" and whitespace-only strings.
blank(x) if x == null

blank(x) if {
	is_string(x)
	trim_space(x) == ""
}
