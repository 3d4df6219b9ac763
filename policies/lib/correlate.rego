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
related(target, ctype, attr, target_attr) := {c |
	some c in input.resource_changes
	c.type == ctype
	plan.present(c)
	linked(target, c, attr, target_attr)
}

# has_related holds when at least one such companion exists.
has_related(target, ctype, attr, target_attr) if {
	some c in input.resource_changes
	c.type == ctype
	plan.present(c)
	linked(target, c, attr, target_attr)
}

# linked(target, companion, attr, target_attr)
linked(target, companion, attr, _) if config_linked(target, companion, attr)

linked(target, companion, attr, target_attr) if value_linked(target, companion, attr, target_attr)

value_linked(target, companion, attr, target_attr) if {
	v := plan.value(companion, attr)
	v != null
	v != ""
	v == plan.value(target, target_attr)
}

config_linked(target, companion, attr) if {
	base := sprintf("%s.%s", [target.type, target.name])
	names := module_names(target)
	refs := {l.ref | some l in links(companion, attr); l.names == names}
	some ref in refs
	refers_to(ref, base)
	not index_mismatch(refs, base, local_address(target))
	instances_related(target, companion)
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
config_resource(rc) := cfg if {
	mod := object.get(root_module, config_path(module_names(rc)), {})
	some cfg in object.get(mod, "resources", [])
	cfg.address == config_address(rc)
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
