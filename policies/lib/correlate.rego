# Correlation of a resource with its companion resources.
#
# Current AWS providers model many settings of a resource as separate
# resources (e.g. aws_s3_bucket + aws_s3_bucket_versioning). A companion C is
# linked to a target T through an attribute `attr` of C (e.g. "bucket") when:
#
#  1. configuration: C's expressions.<attr>.references (in C's module) refers to
#     T's configuration address ("aws_s3_bucket.data", "aws_s3_bucket.data.id",
#     `aws_s3_bucket.data["x"].id`, ...) and T is in the same module; or
#  2. configuration through one module boundary: C refers to var.X and the
#     module call of C's module passes a reference to T in X; or C refers to
#     module.M.O and output O of module M refers to T; or
#  3. values: C's known after.<attr> equals T's known after.<target_attr>
#     (e.g. both bucket names are known and equal).
#
# Module instance keys are handled: module.m["a"].aws_s3_bucket.x is
# configured as aws_s3_bucket.x inside module_calls.m.module, and companions
# only match targets of the same (or a parent/child) module instance. When a
# companion refers to one specific instance (aws_s3_bucket.x["a"]) only that
# instance matches.
package tforch.lib.correlate

import data.tforch.lib.plan

# related(target, ctype, attr, target_attr): companions of type ctype that
# exist after apply (created, updated or unchanged) and are linked to target.
related(target, ctype, attr, target_attr) := config_related(target, ctype, attr) | value_related(target, ctype, attr, target_attr)

# has_related holds when at least one such companion exists.
has_related(target, ctype, attr, target_attr) if count(related(target, ctype, attr, target_attr)) > 0

# linked(target, companion, attr, target_attr): one companion is linked.
linked(target, companion, attr, target_attr) if companion in related(target, companion.type, attr, target_attr)

# Companions whose known after.<attr> equals the target's known after.<target_attr>.
value_related(target, ctype, attr, target_attr) := {c |
	v := plan.value(target, target_attr)
	v != null
	v != ""
	some c in object.get(present_by_type, ctype, set())
	c.change.after[attr] == v # cheap pre-filter, then the unknown check
	plan.value(c, attr) == v
}

# Companions whose configuration references the target (see links/2).
config_related(target, ctype, attr) := {f.companion |
	key := link_key(ctype, attr, module_names(target), sprintf("%s.%s", [target.type, target.name]))
	some f in object.get(link_index, key, set())
	not index_mismatch(f.refs, f.base, local_address(target))
	instances_related(target, f.companion)
}

# present_by_type[type]: resources of a type that exist after apply.
present_by_type := {t: rcs |
	some t in {rc.type | some rc in input.resource_changes}
	rcs := {rc | some rc in input.resource_changes; rc.type == t; plan.present(rc)}
}

# link_facts: one fact per (present resource, attribute, referenced resource):
# {"key": link_key(...), "companion": rc, "base": "type.name", "refs": {...}}.
link_facts contains {"key": key, "companion": c, "base": base, "refs": refs} if {
	some c in input.resource_changes
	plan.present(c)
	cfg := config_resource(c)
	some attr, expr in cfg.expressions
	is_object(expr)
	ls := links(c, attr)
	some names in {l.names | some l in ls}
	refs := {l.ref | some l in ls; l.names == names}
	some base in {b | some r in refs; b := ref_base(r)}
	key := link_key(c.type, attr, names, base)
}

# link_index[key]: link facts grouped by key.
link_index := {key: facts |
	some key in {f.key | some f in link_facts}
	facts := {f | some f in link_facts; f.key == key}
}

link_key(ctype, attr, names, base) := concat("|", [ctype, attr, concat(".", names), base])

# ref_base(ref): the resource address a reference points into
# ("aws_s3_bucket.data" for `aws_s3_bucket.data["x"].id`); undefined for
# var., local., module., data., each., count., path., self and terraform refs.
ref_base(ref) := base if {
	parts := split(strip_keys(ref), ".")
	count(parts) >= 2
	not parts[0] in {"var", "local", "module", "data", "each", "count", "path", "self", "terraform"}
	base := concat(".", [parts[0], parts[1]])
}

# refers_to(ref, base): ref is base itself, an attribute of it or an instance.
refers_to(ref, base) if ref == base

refers_to(ref, base) if startswith(ref, concat("", [base, "."]))

refers_to(ref, base) if startswith(ref, concat("", [base, "["]))

# The companion names specific instances of base, but not this one.
index_mismatch(refs, base, local) if {
	some ref in refs
	startswith(ref, concat("", [base, "["]))
	not instance_referenced(refs, local)
}

instance_referenced(refs, local) if local in refs

instance_referenced(refs, local) if {
	some ref in refs
	startswith(ref, concat("", [local, "."]))
}

# links(rc, attr): set of {"names": <module path>, "ref": <reference>}: the
# references of rc's attribute, resolved one module boundary up and down.
links(rc, attr) := direct | (via_var | via_output) if {
	names := module_names(rc)
	refs := attr_references(rc, attr)
	direct := {{"names": names, "ref": r} | some r in refs}
	via_var := {{"names": parent, "ref": r2} |
		count(names) > 0
		some r in refs
		startswith(r, "var.")
		var_name := split(r, ".")[1]
		parent := array.slice(names, 0, count(names) - 1)
		call_path := array.concat(config_path(parent), ["module_calls", names[count(names) - 1]])
		call := object.get(root_module, call_path, {})
		some r2 in object.get(call, ["expressions", var_name, "references"], [])
	}
	via_output := {{"names": child, "ref": r2} |
		some r in refs
		startswith(r, "module.")
		parts := split(strip_keys(r), ".")
		count(parts) >= 3
		child := array.concat(names, [parts[1]])
		mod := object.get(root_module, config_path(child), {})
		some r2 in object.get(mod, ["outputs", parts[2], "expression", "references"], [])
	}
}

# References of an attribute of rc in its configuration ([] when none).
attr_references(rc, attr) := refs if {
	cfg := config_resource(rc)
	refs := object.get(cfg, ["expressions", attr, "references"], [])
} else := []

root_module := object.get(input, ["configuration", "root_module"], {})

# Module call names of rc without instance keys: module.a["x"].module.b -> ["a", "b"].
module_names(rc) := names if {
	addr := object.get(rc, "module_address", null)
	is_string(addr)
	parts := split(strip_keys(addr), ".")
	names := [parts[i] | some i, _ in parts; i % 2 == 1]
} else := []

strip_keys(addr) := regex.replace(addr, `\[[^\]]*\]`, "")

# Path of a module's configuration below configuration.root_module.
config_path(names) := [seg | some n in names; some seg in ["module_calls", n, "module"]]

# module_address of rc, "" for the root module.
module_address(rc) := a if {
	a := object.get(rc, "module_address", null)
	is_string(a)
} else := ""

# Address of rc relative to its module: aws_s3_bucket.x["a"].
local_address(rc) := substring(rc.address, count(module_address(rc)) + 1, -1) if module_address(rc) != ""

local_address(rc) := rc.address if module_address(rc) == ""

# config_resource(rc): the configuration block of a resource change.
config_resource(rc) := config_index[config_key(module_names(rc), config_address(rc))] if {
	_ = config_index # evaluate the complete index once, then look up
}

config_key(names, address) := concat("|", [concat(".", names), address])

# config_index[key]: every resource block of the configuration, keyed by
# "<module names joined by .>|<address in module>".
config_index := {key: cfg |
	walk(root_module, [path, node])
	is_array(node.resources)
	names := [path[i + 1] | some i, seg in path; i % 3 == 0; seg == "module_calls"]
	path == config_path(names)
	some cfg in node.resources
	key := config_key(names, cfg.address)
}

config_address(rc) := sprintf("%s.%s", [rc.type, rc.name]) if plan.managed(rc)

config_address(rc) := sprintf("data.%s.%s", [rc.type, rc.name]) if not plan.managed(rc)

# declared(rc, attr) holds when the configuration sets attr (argument or block).
declared(rc, attr) if {
	cfg := config_resource(rc)
	_ = cfg.expressions[attr]
}

# set_in_code(rc, attr): attr is set in the configuration of rc or, when the
# plan has no configuration for rc, its planned value is known and not empty.
# Used for Optional+Computed legacy arguments (aws_s3_bucket.acl, .policy,
# aws_sns_topic.policy, ...) whose value AWS reports even when the code does not
# set them.
set_in_code(rc, attr) if declared(rc, attr)

set_in_code(rc, attr) if {
	not config_resource(rc)
	v := plan.value(rc, attr)
	not v in {null, "", [], {}}
}

# Two resources are in the same module instance, or one is in an ancestor.
instances_related(a, b) if module_address(a) == module_address(b)

instances_related(a, _) if module_address(a) == ""

instances_related(_, b) if module_address(b) == ""

instances_related(a, b) if startswith(module_address(a), concat("", [module_address(b), "."]))

instances_related(a, b) if startswith(module_address(b), concat("", [module_address(a), "."]))
