# Result builder shared by every policy.
#
# Every deny/warn rule of the library returns an object of this exact shape:
#
#   {
#     "id":          "AWS-S3-001",            # custom.id of the rule's METADATA
#     "severity":    "critical",              # custom.severity: critical|high|medium|low
#     "msg":         "<address>: <problem>",  # human readable, prefixed with the resource address
#     "resource":    "<address>",             # resource_changes[].address
#     "remediation": "..."                    # custom.remediation
#   }
#
# Usage inside a rule: lib.result(rego.metadata.rule(), rc, "what is wrong")
package tforch.lib

result(meta, rc, msg) := {
	"id": meta.custom.id,
	"severity": meta.custom.severity,
	"msg": sprintf("%s: %s", [rc.address, msg]),
	"resource": rc.address,
	"remediation": meta.custom.remediation,
}
