# Entry point: aggregates every policy package of the library.
#
#   data.tforch.deny     set of results of all deny rules (blocking)
#   data.tforch.warn     set of results of all warn rules (advisory)
#   data.tforch.summary  counts per kind and severity
#
# Per-package queries also work, e.g. data.tforch.aws.s3.deny.
package tforch

deny contains r if some r in data.tforch.aws[_].deny

deny contains r if some r in data.tforch.common[_].deny

warn contains r if some r in data.tforch.aws[_].warn

warn contains r if some r in data.tforch.common[_].warn

summary := {
	"deny": count(deny),
	"warn": count(warn),
	"by_severity": {s: n |
		some s in ["critical", "high", "medium", "low"]
		n := count([r | some r in (deny | warn); r.severity == s])
	},
}
