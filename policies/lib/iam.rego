# IAM policy document helpers.
#
# Documents are usually JSON strings in the plan (policy, assume_role_policy,
# ...); they are decoded with json.unmarshal. Statement may be one object or
# an array; Action, NotAction, Resource, NotResource and principal lists may be
# one string or an array. Unknown or invalid documents are undefined, so rules
# never fire on them.
package tforch.lib.iam

import data.tforch.lib.plan

# document(raw): decoded policy document (object) from a string or an object.
document(raw) := doc if {
	is_string(raw)
	json.is_valid(raw)
	doc := json.unmarshal(raw)
	is_object(doc)
}

document(raw) := raw if is_object(raw)

# doc_at(rc, p): the decoded document stored at path p of rc's planned values.
doc_at(rc, p) := document(plan.value(rc, p))

# as_list(x): x as an array; [] for null.
as_list(x) := x if is_array(x)

as_list(x) := [x] if {
	not is_array(x)
	x != null
}

as_list(x) := [] if x == null

# statements(doc): the statements of a document as an array of objects.
statements(doc) := [s | some s in as_list(object.get(doc, "Statement", [])); is_object(s)]

allow_statements(doc) := [s | some s in statements(doc); object.get(s, "Effect", "") == "Allow"]

# Lower-cased actions / not-actions of a statement.
actions(s) := {lower(a) | some a in as_list(object.get(s, "Action", [])); is_string(a)}

not_actions(s) := {lower(a) | some a in as_list(object.get(s, "NotAction", [])); is_string(a)}

resources(s) := {r | some r in as_list(object.get(s, "Resource", [])); is_string(r)}

# full_wildcard(a): "*" (or "*:*") grants every action of every service.
full_wildcard(a) if a in {"*", "*:*"}

# service_wildcard(a): "<service>:*" grants every action of one service.
service_wildcard(a) if regex.match(`^[a-z0-9-]+:\*$`, a)

# wildcard_actions(s): full or service wildcards among the actions of s.
wildcard_actions(s) := {a |
	some a in actions(s)
	wildcard(a)
}

wildcard(a) if full_wildcard(a)

wildcard(a) if service_wildcard(a)

# matches_action(pattern, action): IAM style match of a lower-case action
# pattern (with * and ?) against a lower-case action name.
matches_action(pattern, action) if glob.match(pattern, null, action)

# principal_values(s): every principal string of a statement ("*" when the
# principal is "*"), across AWS, Service, Federated and CanonicalUser.
principal_values(s) := {p | p := object.get(s, "Principal", null); is_string(p)} | {p |
	principal := object.get(s, "Principal", null)
	is_object(principal)
	some _, v in principal
	some p in as_list(v)
	is_string(p)
}

aws_principals(s) := {p | p := object.get(s, "Principal", null); is_string(p)} | {p |
	principal := object.get(s, "Principal", null)
	is_object(principal)
	some p in as_list(object.get(principal, "AWS", []))
	is_string(p)
}

# public_principal(s): the statement applies to everyone.
public_principal(s) if "*" in aws_principals(s)

public_principal(s) if {
	principal := object.get(s, "Principal", null)
	is_object(principal)
	some p in as_list(object.get(principal, "CanonicalUser", []))
	p == "*"
}

# Condition keys that restrict a public principal to a known account,
# organisation, network or source resource.
restricting_condition_keys := {
	"aws:sourcearn",
	"aws:sourceaccount",
	"aws:sourceowner",
	"aws:sourceorgid",
	"aws:sourceorgpaths",
	"aws:sourcevpc",
	"aws:sourcevpce",
	"aws:sourceip",
	"aws:principalorgid",
	"aws:principalorgpaths",
	"aws:principalaccount",
	"aws:principalarn",
	"aws:userid",
	"aws:username",
	"kms:calleraccount",
}

condition_keys(s) := {lower(k) |
	some _, kv in object.get(s, "Condition", {})
	is_object(kv)
	some k, _ in kv
}

restricted(s) if {
	some k in condition_keys(s)
	k in restricting_condition_keys
}

# public_allow(s): Allow statement for a public principal without a
# restricting condition.
public_allow(s) if {
	object.get(s, "Effect", "") == "Allow"
	public_principal(s)
	not restricted(s)
}

# condition_values(s, key): every value of condition key (any operator).
condition_values(s, key) := {v |
	some _, kv in object.get(s, "Condition", {})
	is_object(kv)
	some k, vs in kv
	lower(k) == lower(key)
	some v in as_list(vs)
}

# Account root principal: "123456789012" or arn:aws:iam::123456789012:root.
account_root(p) if regex.match(`^([0-9]{12}|arn:aws[a-z-]*:iam::[0-9]{12}:root)$`, p)

# sid(s): printable statement id.
sid(s) := sprintf("%q", [s.Sid]) if {
	is_string(object.get(s, "Sid", null))
	s.Sid != ""
} else := "(no Sid)"
