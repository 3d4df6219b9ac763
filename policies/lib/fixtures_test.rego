# Shared fixture builders for the tests. They build objects shaped like the
# output of `tofu show -json <planfile>` (format_version 1.2).
package tforch_test.fixtures

provider_name := "registry.opentofu.org/hashicorp/aws"

# plan(rcs): a plan with these resource_changes and an empty configuration.
plan(rcs) := plan_with_config(rcs, {"resources": []})

# plan_with_config(rcs, root_module): a plan with a configuration root module.
plan_with_config(rcs, root_module) := {
	"format_version": "1.2",
	"terraform_version": "1.11.6",
	"resource_changes": rcs,
	"configuration": {
		"provider_config": {"aws": {
			"name": "aws",
			"full_name": provider_name,
			"version_constraint": "~> 6.0",
		}},
		"root_module": root_module,
	},
	"timestamp": "2025-01-01T00:00:00Z",
	"applyable": true,
	"complete": true,
	"errored": false,
}

# create(type, name, after): a resource change that creates a resource.
create(type, name, after) := {
	"address": sprintf("%s.%s", [type, name]),
	"mode": "managed",
	"type": type,
	"name": name,
	"provider_name": provider_name,
	"change": {
		"actions": ["create"],
		"before": null,
		"after": after,
		"after_unknown": {},
		"before_sensitive": false,
		"after_sensitive": {},
	},
}

# set(rc, values): rc with values deep-merged into change.after.
set(rc, values) := json.patch(rc, [{"op": "replace", "path": "/change/after", "value": object.union(rc.change.after, values)}])

# unknown(rc, keys): top-level attributes only known after apply (removed from
# after and marked true in after_unknown, as in real plans).
unknown(rc, keys) := json.patch(rc, [
	{"op": "replace", "path": "/change/after", "value": object.remove(rc.change.after, keys)},
	{"op": "replace", "path": "/change/after_unknown", "value": object.union(rc.change.after_unknown, {k: true | some k in keys})},
])

# after_unknown(rc, au): rc with after_unknown deep-merged with au (nested unknowns).
after_unknown(rc, au) := json.patch(rc, [{"op": "replace", "path": "/change/after_unknown", "value": object.union(rc.change.after_unknown, au)}])

# Action variants.
updated(rc) := json.patch(rc, [
	{"op": "replace", "path": "/change/actions", "value": ["update"]},
	{"op": "replace", "path": "/change/before", "value": rc.change.after},
])

replaced(rc) := json.patch(rc, [{"op": "replace", "path": "/change/actions", "value": ["delete", "create"]}])

unchanged(rc) := json.patch(rc, [
	{"op": "replace", "path": "/change/actions", "value": ["no-op"]},
	{"op": "replace", "path": "/change/before", "value": rc.change.after},
])

deleted(rc) := json.patch(rc, [
	{"op": "replace", "path": "/change/actions", "value": ["delete"]},
	{"op": "replace", "path": "/change/before", "value": rc.change.after},
	{"op": "replace", "path": "/change/after", "value": null},
	{"op": "replace", "path": "/change/after_unknown", "value": {}},
])

# in_module(rc, module_address): the same resource inside a module instance.
in_module(rc, module_address) := json.patch(rc, [
	{"op": "replace", "path": "/address", "value": sprintf("%s.%s", [module_address, rc.address])},
	{"op": "add", "path": "/module_address", "value": module_address},
])

# indexed(rc, key): one instance of a resource with count (number) or for_each (string).
indexed(rc, key) := json.patch(rc, [
	{"op": "replace", "path": "/address", "value": sprintf("%s[%s]", [rc.address, json.marshal(key)])},
	{"op": "add", "path": "/index", "value": key},
])

# Configuration builders.
cfg(type, name, expressions) := {
	"address": sprintf("%s.%s", [type, name]),
	"mode": "managed",
	"type": type,
	"name": name,
	"provider_config_key": "aws",
	"expressions": expressions,
	"schema_version": 0,
}

# refs(address): references of an expression like `aws_s3_bucket.data.id`.
refs(address) := {"references": [sprintf("%s.id", [address]), address]}

const(v) := {"constant_value": v}

module_call(source, expressions, module) := {
	"source": source,
	"expressions": expressions,
	"module": module,
}

# Policy documents.
policy(statements) := json.marshal({"Version": "2012-10-17", "Statement": statements})

# Common tags used by compliant fixtures.
tags := {"Owner": "platform", "Team": "core", "Environment": "prod", "CostCenter": "cc-1234"}
