package tforch_test.aws.vpc

import data.tforch.aws.vpc
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in vpc.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in vpc.warn with input as p
	r.id == id
}

ingress(protocol, from, to, cidrs, ipv6, description) := {
	"cidr_blocks": cidrs,
	"description": description,
	"from_port": from,
	"ipv6_cidr_blocks": ipv6,
	"prefix_list_ids": [],
	"protocol": protocol,
	"security_groups": [],
	"self": false,
	"to_port": to,
}

https_in := ingress("tcp", 443, 443, ["0.0.0.0/0"], ["::/0"], "HTTPS from the internet")

all_out := {
	"cidr_blocks": ["0.0.0.0/0"], "description": "all egress", "from_port": 0, "ipv6_cidr_blocks": [],
	"prefix_list_ids": [], "protocol": "-1", "security_groups": [], "self": false, "to_port": 0,
}

sg(rules) := fx.unknown(
	fx.create("aws_security_group", "web", {
		"description": "Web tier load balancer",
		"egress": [all_out],
		"ingress": rules,
		"name": "web",
		"revoke_rules_on_delete": false,
		"tags": fx.tags,
		"tags_all": fx.tags,
		"timeouts": null,
		"vpc_id": "vpc-0123456789abcdef0",
	}),
	["arn", "id", "name_prefix", "owner_id"],
)

sg_rule(protocol, from, to, cidrs, ipv6) := fx.unknown(
	fx.create("aws_security_group_rule", "admin", {
		"cidr_blocks": cidrs,
		"description": "admin access",
		"from_port": from,
		"ipv6_cidr_blocks": ipv6,
		"prefix_list_ids": null,
		"protocol": protocol,
		"security_group_id": "sg-0123456789abcdef0",
		"self": false,
		"timeouts": null,
		"to_port": to,
		"type": "ingress",
	}),
	["id", "security_group_rule_id", "source_security_group_id"],
)

vpc_rule(protocol, from, to, cidr4, cidr6) := fx.unknown(
	fx.create("aws_vpc_security_group_ingress_rule", "db", {
		"cidr_ipv4": cidr4,
		"cidr_ipv6": cidr6,
		"description": "database access",
		"from_port": from,
		"ip_protocol": protocol,
		"prefix_list_id": null,
		"referenced_security_group_id": null,
		"security_group_id": "sg-0123456789abcdef0",
		"tags": fx.tags,
		"to_port": to,
	}),
	["arn", "id", "security_group_rule_id", "tags_all"],
)

vpc_resource := fx.unknown(
	fx.create("aws_vpc", "main", {
		"assign_generated_ipv6_cidr_block": null,
		"cidr_block": "10.0.0.0/16",
		"enable_dns_hostnames": true,
		"enable_dns_support": true,
		"instance_tenancy": "default",
		"tags": fx.tags,
		"tags_all": fx.tags,
	}),
	["arn", "id", "default_security_group_id", "default_network_acl_id", "main_route_table_id", "owner_id"],
)

flow_log := fx.unknown(
	fx.create("aws_flow_log", "main", {
		"log_destination_type": "cloud-watch-logs",
		"max_aggregation_interval": 600,
		"traffic_type": "ALL",
		"tags": fx.tags,
		"tags_all": fx.tags,
	}),
	["arn", "id", "vpc_id", "log_destination", "iam_role_arn"],
)

flow_log_config := {"resources": [
	fx.cfg("aws_vpc", "main", {"cidr_block": fx.const("10.0.0.0/16")}),
	fx.cfg("aws_flow_log", "main", {"vpc_id": fx.refs("aws_vpc.main"), "traffic_type": fx.const("ALL")}),
]}

test_compliant_vpc_has_no_findings if {
	p := fx.plan_with_config([sg([https_in]), vpc_resource, flow_log], flow_log_config)
	count(vpc.deny) == 0 with input as p
	count(vpc.warn) == 0 with input as p
}

# AWS-VPC-001 SSH
test_vpc_001_ssh_inline_denied if denied("AWS-VPC-001", fx.plan([sg([https_in, ingress("tcp", 22, 22, ["0.0.0.0/0"], [], "ssh")])]))

test_vpc_001_ssh_ipv6_denied if denied("AWS-VPC-001", fx.plan([sg([ingress("tcp", 22, 22, [], ["::/0"], "ssh")])]))

test_vpc_001_ssh_in_port_range_denied if {
	some r in vpc.deny with input as fx.plan([sg_rule("tcp", 0, 1024, ["0.0.0.0/0"], null)])
	r.id == "AWS-VPC-001"
	r.resource == "aws_security_group_rule.admin"
	contains(r.msg, "tcp 0-1024")
}

test_vpc_001_ssh_all_protocols_denied if denied("AWS-VPC-001", fx.plan([sg([ingress("-1", 0, 0, ["0.0.0.0/0"], [], "everything")])]))

test_vpc_001_ssh_vpc_rule_denied if denied("AWS-VPC-001", fx.plan([vpc_rule("tcp", 22, 22, "0.0.0.0/0", null)]))

test_vpc_001_ssh_vpc_rule_all_protocols_denied if denied("AWS-VPC-001", fx.plan([vpc_rule("-1", null, null, null, "::/0")]))

test_vpc_001_ssh_private_cidr_ok if not denied("AWS-VPC-001", fx.plan([sg([ingress("tcp", 22, 22, ["10.0.0.0/8"], [], "ssh from vpn")])]))

test_vpc_001_range_not_covering_ok if not denied("AWS-VPC-001", fx.plan([sg_rule("tcp", 23, 1024, ["0.0.0.0/0"], null)]))

test_vpc_001_udp_icmp_ok if not denied("AWS-VPC-001", fx.plan([sg([ingress("icmp", -1, -1, ["0.0.0.0/0"], [], "ping")])]))

test_vpc_001_egress_rule_ok if {
	rc := fx.set(sg_rule("tcp", 22, 22, ["0.0.0.0/0"], null), {"type": "egress"})
	not denied("AWS-VPC-001", fx.plan([rc]))
}

test_vpc_001_unknown_cidr_ok if not denied("AWS-VPC-001", fx.plan([fx.unknown(sg_rule("tcp", 22, 22, ["0.0.0.0/0"], null), ["cidr_blocks"])]))

test_vpc_001_unknown_inline_ingress_ok if {
	rc := fx.after_unknown(sg([ingress("tcp", 22, 22, [], [], "ssh")]), {"ingress": [{"cidr_blocks": true}]})
	not denied("AWS-VPC-001", fx.plan([rc]))
}

test_vpc_001_deleted_rule_ignored if not denied("AWS-VPC-001", fx.plan([fx.deleted(sg_rule("tcp", 22, 22, ["0.0.0.0/0"], null))]))

test_vpc_001_noop_rule_ignored if not denied("AWS-VPC-001", fx.plan([fx.unchanged(sg_rule("tcp", 22, 22, ["0.0.0.0/0"], null))]))

test_vpc_001_updated_rule_denied if denied("AWS-VPC-001", fx.plan([fx.updated(sg_rule("tcp", 22, 22, ["0.0.0.0/0"], null))]))

# AWS-VPC-002 RDP
test_vpc_002_rdp_denied if denied("AWS-VPC-002", fx.plan([sg_rule("tcp", 3389, 3389, ["0.0.0.0/0"], null)]))

test_vpc_002_rdp_protocol_number_denied if denied("AWS-VPC-002", fx.plan([vpc_rule("6", 3000, 4000, "0.0.0.0/0", null)]))

test_vpc_002_rdp_private_ok if not denied("AWS-VPC-002", fx.plan([sg_rule("tcp", 3389, 3389, ["192.168.0.0/16"], null)]))

# AWS-VPC-003 databases
test_vpc_003_postgres_denied if {
	some r in vpc.deny with input as fx.plan([vpc_rule("tcp", 5432, 5432, "0.0.0.0/0", null)])
	r.id == "AWS-VPC-003"
	contains(r.msg, "PostgreSQL (5432)")
}

test_vpc_003_mysql_inline_denied if denied("AWS-VPC-003", fx.plan([sg([ingress("tcp", 3306, 3306, [], ["::/0"], "mysql")])]))

test_vpc_003_db_from_private_ok if not denied("AWS-VPC-003", fx.plan([vpc_rule("tcp", 5432, 5432, "10.0.0.0/16", null)]))

test_vpc_003_web_ok if not denied("AWS-VPC-003", fx.plan([sg([https_in])]))

# AWS-VPC-004 all ports
test_vpc_004_all_traffic_denied if denied("AWS-VPC-004", fx.plan([sg([ingress("-1", 0, 0, ["0.0.0.0/0"], [], "everything")])]))

test_vpc_004_full_range_denied if denied("AWS-VPC-004", fx.plan([sg_rule("tcp", 0, 65535, ["0.0.0.0/0"], null)]))

test_vpc_004_single_port_ok if not denied("AWS-VPC-004", fx.plan([sg([https_in])]))

# AWS-VPC-005 other ports
test_vpc_005_other_port_warned if warned("AWS-VPC-005", fx.plan([sg([ingress("tcp", 8080, 8080, ["0.0.0.0/0"], [], "app")])]))

test_vpc_005_web_ports_ok if not warned("AWS-VPC-005", fx.plan([sg([https_in, ingress("tcp", 80, 80, ["0.0.0.0/0"], [], "http redirect")])]))

test_vpc_005_ssh_reported_elsewhere if not warned("AWS-VPC-005", fx.plan([sg_rule("tcp", 22, 22, ["0.0.0.0/0"], null)]))

# AWS-VPC-006 descriptions
test_vpc_006_rule_without_description_warned if warned("AWS-VPC-006", fx.plan([sg([ingress("tcp", 443, 443, ["10.0.0.0/8"], [], "")])]))

test_vpc_006_vpc_rule_without_description_warned if warned("AWS-VPC-006", fx.plan([fx.set(vpc_rule("tcp", 443, 443, "10.0.0.0/8", null), {"description": null})]))

test_vpc_006_description_ok if not warned("AWS-VPC-006", fx.plan([sg([https_in]), vpc_rule("tcp", 443, 443, "10.0.0.0/8", null)]))

test_vpc_006_unknown_description_ok if not warned("AWS-VPC-006", fx.plan([fx.unknown(vpc_rule("tcp", 443, 443, "10.0.0.0/8", null), ["description"])]))

# AWS-VPC-007 default security group
default_sg(ingress_rules, egress_rules) := fx.unknown(
	fx.create("aws_default_security_group", "default", {"egress": egress_rules, "ingress": ingress_rules, "revoke_rules_on_delete": false, "tags": fx.tags, "tags_all": fx.tags, "vpc_id": "vpc-0123456789abcdef0"}),
	["arn", "description", "id", "name", "name_prefix", "owner_id"],
)

test_vpc_007_default_sg_with_rules_denied if denied("AWS-VPC-007", fx.plan([default_sg([], [all_out])]))

test_vpc_007_default_sg_closed_ok if not denied("AWS-VPC-007", fx.plan([default_sg([], [])]))

# AWS-VPC-008 subnets
subnet(public) := fx.unknown(
	fx.create("aws_subnet", "a", {"availability_zone": "eu-west-1a", "cidr_block": "10.0.1.0/24", "map_public_ip_on_launch": public, "tags": fx.tags, "tags_all": fx.tags, "vpc_id": "vpc-0123456789abcdef0"}),
	["arn", "id", "owner_id"],
)

test_vpc_008_public_subnet_warned if warned("AWS-VPC-008", fx.plan([subnet(true)]))

test_vpc_008_private_subnet_ok if not warned("AWS-VPC-008", fx.plan([subnet(false)]))

# AWS-VPC-009 flow logs
test_vpc_009_no_flow_log_warned if warned("AWS-VPC-009", fx.plan([vpc_resource]))

test_vpc_009_flow_log_by_reference_ok if not warned("AWS-VPC-009", fx.plan_with_config([vpc_resource, flow_log], flow_log_config))

test_vpc_009_flow_log_in_module_via_variable_ok if {
	# module "flow_logs" { vpc_id = aws_vpc.main.id } with aws_flow_log.this { vpc_id = var.vpc_id }
	config := {
		"resources": [fx.cfg("aws_vpc", "main", {})],
		"module_calls": {"flow_logs": fx.module_call("./modules/flow-logs", {"vpc_id": fx.refs("aws_vpc.main")}, {"resources": [
			fx.cfg("aws_flow_log", "this", {"vpc_id": {"references": ["var.vpc_id"]}}),
		]})},
	}
	fl := fx.in_module(fx.create("aws_flow_log", "this", flow_log.change.after), "module.flow_logs")
	not warned("AWS-VPC-009", fx.plan_with_config([vpc_resource, fx.unknown(fl, ["vpc_id"])], config))
}

test_vpc_009_flow_log_by_vpc_id_ok if {
	existing := fx.updated(fx.set(vpc_resource, {"id": "vpc-0123456789abcdef0"}))
	fl := fx.set(fx.after_unknown(flow_log, {"vpc_id": false}), {"vpc_id": "vpc-0123456789abcdef0"})
	not warned("AWS-VPC-009", fx.plan([fx.after_unknown(existing, {"id": false}), fl]))
}

# AWS-VPC-010 / 011 network ACLs
nacl(entries) := fx.unknown(
	fx.create("aws_network_acl", "public", {"egress": [], "ingress": entries, "subnet_ids": ["subnet-0123456789abcdef0"], "tags": fx.tags, "tags_all": fx.tags, "vpc_id": "vpc-0123456789abcdef0"}),
	["arn", "id", "owner_id"],
)

nacl_entry(action, protocol, from, to, cidr) := {
	"action": action, "cidr_block": cidr, "from_port": from, "icmp_code": null, "icmp_type": null,
	"ipv6_cidr_block": "", "protocol": protocol, "rule_no": 100, "to_port": to,
}

nacl_rule(egress, action, protocol, from, to, cidr) := fx.unknown(
	fx.create("aws_network_acl_rule", "ssh", {
		"cidr_block": cidr, "egress": egress, "from_port": from, "icmp_code": null, "icmp_type": null,
		"ipv6_cidr_block": null, "network_acl_id": "acl-0123456789abcdef0", "protocol": protocol,
		"rule_action": action, "rule_number": 100, "to_port": to,
	}),
	["id"],
)

test_vpc_010_nacl_ssh_denied if denied("AWS-VPC-010", fx.plan([nacl([nacl_entry("allow", "tcp", 22, 22, "0.0.0.0/0")])]))

test_vpc_010_nacl_rule_range_denied if denied("AWS-VPC-010", fx.plan([nacl_rule(false, "allow", "6", 1, 65535, "0.0.0.0/0")]))

test_vpc_010_nacl_deny_entry_ok if not denied("AWS-VPC-010", fx.plan([nacl([nacl_entry("deny", "tcp", 22, 22, "0.0.0.0/0")])]))

test_vpc_010_nacl_egress_ok if not denied("AWS-VPC-010", fx.plan([nacl_rule(true, "allow", "tcp", 22, 22, "0.0.0.0/0")]))

test_vpc_010_nacl_web_ok if not denied("AWS-VPC-010", fx.plan([nacl([nacl_entry("allow", "tcp", 443, 443, "0.0.0.0/0")])]))

test_vpc_011_nacl_all_traffic_warned if warned("AWS-VPC-011", fx.plan([nacl([nacl_entry("allow", "-1", 0, 0, "0.0.0.0/0")])]))

test_vpc_011_nacl_private_all_traffic_ok if not warned("AWS-VPC-011", fx.plan([nacl([nacl_entry("allow", "-1", 0, 0, "10.0.0.0/16")])]))

# AWS-VPC-012 flow log traffic type
test_vpc_012_reject_only_warned if warned("AWS-VPC-012", fx.plan([fx.set(flow_log, {"traffic_type": "REJECT"})]))

test_vpc_012_all_traffic_ok if not warned("AWS-VPC-012", fx.plan([flow_log]))

# AWS-VPC-013 default VPC
default_vpc := fx.unknown(fx.create("aws_default_vpc", "default", {"enable_dns_hostnames": true, "enable_dns_support": true, "force_destroy": false, "tags": fx.tags, "tags_all": fx.tags}), ["arn", "cidr_block", "id"])

test_vpc_013_default_vpc_warned if warned("AWS-VPC-013", fx.plan([default_vpc]))

test_vpc_013_default_vpc_unchanged_ok if not warned("AWS-VPC-013", fx.plan([fx.unchanged(default_vpc)]))

# AWS-VPC-014 security group description
test_vpc_014_default_description_warned if warned("AWS-VPC-014", fx.plan([fx.set(sg([https_in]), {"description": "Managed by Terraform"})]))

test_vpc_014_description_ok if not warned("AWS-VPC-014", fx.plan([sg([https_in])]))
