# VPC policies: security groups, security group rules, network ACLs, subnets,
# VPCs and flow logs.
#
# Security group ingress is read from aws_security_group (inline ingress),
# aws_security_group_rule (type = "ingress") and
# aws_vpc_security_group_ingress_rule; see data.tforch.lib.network. Port
# ranges (from_port..to_port) and protocol "-1" (all traffic) are handled.
package tforch.aws.vpc

import data.tforch.lib
import data.tforch.lib.correlate
import data.tforch.lib.network
import data.tforch.lib.plan

# METADATA
# title: Security groups must not allow SSH from the internet
# description: Ingress from 0.0.0.0/0 or ::/0 that covers port 22 (including port ranges and protocol -1) exposes SSH to the whole internet.
# custom:
#   id: AWS-VPC-001
#   severity: critical
#   remediation: Restrict the source to known CIDRs or security groups, or use SSM Session Manager instead of SSH.
deny contains result if {
	some perm in network.public_sg_ingress
	network.covers(perm, 22)
	result := lib.result(rego.metadata.rule(), perm.rc, open_msg(perm, "SSH (22)"))
}

# METADATA
# title: Security groups must not allow RDP from the internet
# description: Ingress from 0.0.0.0/0 or ::/0 that covers port 3389 (including port ranges and protocol -1) exposes RDP to the whole internet.
# custom:
#   id: AWS-VPC-002
#   severity: critical
#   remediation: Restrict the source to known CIDRs or security groups, or use Fleet Manager / SSM port forwarding instead of RDP.
deny contains result if {
	some perm in network.public_sg_ingress
	network.covers(perm, 3389)
	result := lib.result(rego.metadata.rule(), perm.rc, open_msg(perm, "RDP (3389)"))
}

# METADATA
# title: Security groups must not allow database ports from the internet
# description: >-
#   Ingress from 0.0.0.0/0 or ::/0 must not cover database and data store ports
#   (1433, 1521, 2483-2484, 3306, 5432, 5439, 6379, 7000-7001, 8086, 9042,
#   9200, 9300, 11211, 27017-27018).
# custom:
#   id: AWS-VPC-003
#   severity: critical
#   remediation: Allow database ports only from application security groups or private CIDRs.
deny contains result if {
	some perm in network.public_sg_ingress
	open := [sprintf("%s (%d)", [name, port]) | some port, name in network.db_ports; network.covers(perm, port)]
	count(open) > 0
	result := lib.result(rego.metadata.rule(), perm.rc, open_msg(perm, concat(", ", open)))
}

# METADATA
# title: Security groups must not allow all traffic from the internet
# description: Ingress from 0.0.0.0/0 or ::/0 with protocol -1 or the full port range 0-65535 exposes every service of the attached resources.
# custom:
#   id: AWS-VPC-004
#   severity: high
#   remediation: Open only the ports the service needs (e.g. 443) and restrict the source.
deny contains result if {
	some perm in network.public_sg_ingress
	network.all_ports(perm)
	result := lib.result(rego.metadata.rule(), perm.rc, open_msg(perm, "all ports"))
}

# METADATA
# title: Security groups should expose only web ports to the internet
# description: >-
#   Ingress from the internet to ports other than 80 and 443 should be reviewed.
#   Admin, database and all-port exposure is reported by AWS-VPC-001..004.
# custom:
#   id: AWS-VPC-005
#   severity: medium
#   remediation: Put services behind a load balancer on 443, or restrict the source CIDRs.
warn contains result if {
	some perm in network.public_sg_ingress
	not web_only(perm)
	not network.all_ports(perm)
	not covers_sensitive_port(perm)
	not icmp(perm)
	result := lib.result(rego.metadata.rule(), perm.rc, open_msg(perm, network.port_text(perm)))
}

# METADATA
# title: Security group rules should have a description
# description: Descriptions document why a rule exists and who needs it, which is required to review and clean up rules.
# custom:
#   id: AWS-VPC-006
#   severity: low
#   remediation: Set description on every ingress rule.
warn contains result if {
	some perm in network.sg_ingress
	plan.blank(perm.description)
	result := lib.result(rego.metadata.rule(), perm.rc, sprintf("ingress rule %s has no description", [network.port_text(perm)]))
}

# METADATA
# title: The default security group must not allow traffic
# description: The default security group is attached to resources that do not name one; it must have no ingress or egress rules (CIS AWS 5.4).
# custom:
#   id: AWS-VPC-007
#   severity: high
#   remediation: Manage aws_default_security_group without ingress and egress blocks and use dedicated security groups.
deny contains result if {
	some sg in plan.resources("aws_default_security_group")
	rules := [direction | some direction in ["ingress", "egress"]; count(plan.list(sg, direction)) > 0]
	count(rules) > 0
	result := lib.result(rego.metadata.rule(), sg, sprintf("the default security group has %s rules", [concat(" and ", rules)]))
}

# METADATA
# title: Subnets should not assign public IPs automatically
# description: map_public_ip_on_launch = true gives every instance launched in the subnet a public IP address.
# custom:
#   id: AWS-VPC-008
#   severity: medium
#   remediation: Set map_public_ip_on_launch = false and attach Elastic IPs or load balancers explicitly where needed.
warn contains result if {
	some subnet in plan.resources("aws_subnet")
	plan.is_true(subnet, "map_public_ip_on_launch")
	result := lib.result(rego.metadata.rule(), subnet, "map_public_ip_on_launch is enabled")
}

# METADATA
# title: VPCs should have flow logs
# description: VPC flow logs are needed to investigate network incidents (CIS AWS 3.7). The VPC needs an aws_flow_log whose vpc_id references it.
# custom:
#   id: AWS-VPC-009
#   severity: medium
#   remediation: Add an aws_flow_log with vpc_id = aws_vpc.<name>.id, traffic_type = "ALL" and a CloudWatch Logs or S3 destination.
warn contains result if {
	some vpc in plan.resources("aws_vpc")
	not correlate.has_related(vpc, "aws_flow_log", "vpc_id", "id")
	result := lib.result(rego.metadata.rule(), vpc, "no aws_flow_log is associated with the VPC")
}

# METADATA
# title: Network ACLs must not allow administration ports from the internet
# description: Network ACL ingress allow entries from 0.0.0.0/0 or ::/0 must not cover ports 22 or 3389 (CIS AWS 5.1/5.2). Rule order and deny entries are not evaluated.
# custom:
#   id: AWS-VPC-010
#   severity: high
#   remediation: Restrict the cidr_block of the entry, or add lower-numbered deny entries for 22 and 3389.
deny contains result if {
	some perm in network.nacl_public_ingress
	open := [sprintf("%s (%d)", [name, port]) | some port, name in network.admin_ports; network.covers(perm, port)]
	count(open) > 0
	result := lib.result(rego.metadata.rule(), perm.rc, sprintf("network ACL allows %s from %s to %s", [network.port_text(perm), perm.cidr, concat(", ", open)]))
}

# METADATA
# title: Network ACLs should not allow all traffic from the internet
# description: An ingress allow entry from 0.0.0.0/0 or ::/0 for all protocols or all ports makes the NACL ineffective as a second layer of defence.
# custom:
#   id: AWS-VPC-011
#   severity: medium
#   remediation: Allow only the required ports from the internet.
warn contains result if {
	some perm in network.nacl_public_ingress
	network.all_ports(perm)
	result := lib.result(rego.metadata.rule(), perm.rc, sprintf("network ACL allows all traffic from %s", [perm.cidr]))
}

# METADATA
# title: Flow logs should capture all traffic
# description: traffic_type ACCEPT or REJECT records only part of the traffic.
# custom:
#   id: AWS-VPC-012
#   severity: low
#   remediation: Set traffic_type = "ALL".
warn contains result if {
	some flow_log in plan.resources("aws_flow_log")
	traffic := plan.value(flow_log, "traffic_type")
	is_string(traffic)
	traffic != "ALL"
	result := lib.result(rego.metadata.rule(), flow_log, sprintf("traffic_type is %q", [traffic]))
}

# METADATA
# title: The default VPC should not be used
# description: The default VPC has public subnets and permissive defaults; workloads should use purpose-built VPCs.
# custom:
#   id: AWS-VPC-013
#   severity: low
#   remediation: Create dedicated VPCs (aws_vpc) and remove workloads from the default VPC.
warn contains result if {
	some vpc in plan.resources("aws_default_vpc")
	result := lib.result(rego.metadata.rule(), vpc, "manages the default VPC")
}

# METADATA
# title: Security groups should have a meaningful description
# description: The provider default description "Managed by Terraform" does not say what the group protects.
# custom:
#   id: AWS-VPC-014
#   severity: low
#   remediation: Set description on the aws_security_group (changing it replaces the group).
warn contains result if {
	some sg in plan.resources("aws_security_group")
	description := plan.value(sg, "description")
	generic_description(description)
	result := lib.result(rego.metadata.rule(), sg, "the security group has no meaningful description")
}

# --- helpers -----------------------------------------------------------------

open_msg(perm, what) := sprintf("ingress from %s allows %s (%s)", [perm.cidr, what, network.port_text(perm)])

web_only(perm) if {
	network.port_protocol(perm)
	perm.from == perm.to
	perm.from in {80, 443}
}

covers_sensitive_port(perm) if {
	some port, _ in network.admin_ports
	network.covers(perm, port)
}

covers_sensitive_port(perm) if {
	some port, _ in network.db_ports
	network.covers(perm, port)
}

icmp(perm) if perm.protocol in {"icmp", "1", "icmpv6", "58"}

generic_description(d) if plan.blank(d)

generic_description(d) if d == "Managed by Terraform"
