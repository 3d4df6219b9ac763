package tforch_test.lib.network

import data.tforch.lib.network

perm(protocol, from, to) := {"protocol": protocol, "from": from, "to": to, "cidr": "0.0.0.0/0"}

test_covers_port_range if {
	network.covers(perm("tcp", 0, 1024), 22)
	not network.covers(perm("tcp", 23, 1024), 22)
}

test_covers_all_protocols if {
	network.covers(perm("-1", 0, 0), 3389)
	network.covers(perm("all", null, null), 5432)
	network.all_ports(perm("-1", 0, 0))
	network.all_ports(perm("6", 0, 65535))
}

test_icmp_covers_no_port if not network.covers(perm("icmp", -1, -1), 22)
