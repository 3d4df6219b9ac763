# Network helpers: normalised ingress permissions of security groups and
# network ACLs.
#
# Sources: aws_security_group (inline ingress blocks), aws_security_group_rule
# (type = "ingress"), aws_vpc_security_group_ingress_rule, aws_network_acl
# (inline ingress blocks, action = "allow"), aws_network_acl_rule
# (egress = false, rule_action = "allow"). Unknown cidrs, ports or protocols
# produce no permission, so unknown values never trigger a violation.
package tforch.lib.network

import data.tforch.lib.plan

world_cidrs := {"0.0.0.0/0", "::/0"}

# Remote administration ports.
admin_ports := {22: "SSH", 3389: "RDP"}

# Database / data store ports.
db_ports := {
	1433: "SQL Server",
	1521: "Oracle",
	2483: "Oracle",
	2484: "Oracle",
	3306: "MySQL/MariaDB",
	5432: "PostgreSQL",
	5439: "Redshift",
	6379: "Redis",
	7000: "Cassandra",
	7001: "Cassandra",
	8086: "InfluxDB",
	9042: "Cassandra",
	9200: "Elasticsearch/OpenSearch",
	9300: "Elasticsearch/OpenSearch",
	11211: "Memcached",
	27017: "MongoDB",
	27018: "MongoDB",
}

# sg_ingress: every security group ingress permission:
# {"rc", "protocol", "from", "to", "cidr", "description"}; cidr is null for
# permissions whose source is a security group or prefix list.
sg_ingress contains perm if {
	some rc in plan.resources("aws_security_group")
	some i, _ in plan.list(rc, "ingress")
	protocol := plan.value(rc, ["ingress", i, "protocol"])
	from := plan.value(rc, ["ingress", i, "from_port"])
	to := plan.value(rc, ["ingress", i, "to_port"])
	description := plan.value_or(rc, ["ingress", i, "description"], "<unknown>")
	some cidr in inline_cidrs(rc, i)
	perm := permission(rc, protocol, from, to, cidr, description)
}

sg_ingress contains perm if {
	some rc in plan.resources("aws_security_group_rule")
	plan.value(rc, "type") == "ingress"
	protocol := plan.value(rc, "protocol")
	from := plan.value(rc, "from_port")
	to := plan.value(rc, "to_port")
	description := plan.value_or(rc, "description", "<unknown>")
	some cidr in rule_cidrs(rc)
	perm := permission(rc, protocol, from, to, cidr, description)
}

sg_ingress contains perm if {
	some rc in plan.resources("aws_vpc_security_group_ingress_rule")
	protocol := plan.value(rc, "ip_protocol")
	from := plan.value(rc, "from_port")
	to := plan.value(rc, "to_port")
	description := plan.value_or(rc, "description", "<unknown>")
	some cidr in vpc_rule_cidrs(rc)
	perm := permission(rc, protocol, from, to, cidr, description)
}

inline_cidrs(rc, i) := cidrs if {
	v4 := plan.list(rc, ["ingress", i, "cidr_blocks"])
	v6 := plan.list(rc, ["ingress", i, "ipv6_cidr_blocks"])
	cidrs := array.concat(v4, v6)
	count(cidrs) > 0
} else := [null]

rule_cidrs(rc) := cidrs if {
	v4 := plan.list(rc, "cidr_blocks")
	v6 := plan.list(rc, "ipv6_cidr_blocks")
	cidrs := array.concat(v4, v6)
	count(cidrs) > 0
} else := [null]

vpc_rule_cidrs(rc) := cidrs if {
	cidrs := [c | some attr in ["cidr_ipv4", "cidr_ipv6"]; c := plan.value(rc, attr); c != null]
	count(cidrs) > 0
} else := [null]

permission(rc, protocol, from, to, cidr, description) := {
	"rc": rc,
	"protocol": lower(sprintf("%v", [protocol])),
	"from": from,
	"to": to,
	"cidr": cidr,
	"description": description,
}

# public_sg_ingress: security group ingress permissions open to the internet.
public_sg_ingress contains perm if {
	some perm in sg_ingress
	perm.cidr in world_cidrs
}

# nacl_public_ingress: network ACL ingress allow entries open to the internet.
nacl_public_ingress contains perm if {
	some rc in plan.resources("aws_network_acl")
	some i, _ in plan.list(rc, "ingress")
	lower(plan.value(rc, ["ingress", i, "action"])) == "allow"
	some attr in ["cidr_block", "ipv6_cidr_block"]
	cidr := plan.value(rc, ["ingress", i, attr])
	cidr in world_cidrs
	protocol := plan.value(rc, ["ingress", i, "protocol"])
	from := plan.value(rc, ["ingress", i, "from_port"])
	to := plan.value(rc, ["ingress", i, "to_port"])
	perm := permission(rc, protocol, from, to, cidr, null)
}

nacl_public_ingress contains perm if {
	some rc in plan.resources("aws_network_acl_rule")
	plan.value(rc, "egress") != true
	lower(plan.value(rc, "rule_action")) == "allow"
	some attr in ["cidr_block", "ipv6_cidr_block"]
	cidr := plan.value(rc, attr)
	cidr in world_cidrs
	protocol := plan.value(rc, "protocol")
	from := plan.value(rc, "from_port")
	to := plan.value(rc, "to_port")
	perm := permission(rc, protocol, from, to, cidr, null)
}

# all_protocols(perm): protocol "-1"/"all" opens every port of every protocol.
all_protocols(perm) if perm.protocol in {"-1", "all"}

# port_protocol(perm): TCP or UDP (by name or number), the protocols with ports.
port_protocol(perm) if perm.protocol in {"tcp", "udp", "6", "17"}

# covers(perm, port): the permission opens port.
covers(perm, _) if all_protocols(perm)

covers(perm, port) if {
	port_protocol(perm)
	is_number(perm.from)
	is_number(perm.to)
	perm.from <= port
	port <= perm.to
}

# all_ports(perm): every port is open.
all_ports(perm) if all_protocols(perm)

all_ports(perm) if {
	port_protocol(perm)
	perm.from <= 0
	perm.to >= 65535
}

# port_text(perm): "tcp 0-65535", "all traffic", ...
port_text(perm) := "all protocols and ports" if all_protocols(perm)

port_text(perm) := sprintf("%s %v", [perm.protocol, perm.from]) if {
	not all_protocols(perm)
	perm.from == perm.to
}

port_text(perm) := sprintf("%s %v-%v", [perm.protocol, perm.from, perm.to]) if {
	not all_protocols(perm)
	perm.from != perm.to
}
