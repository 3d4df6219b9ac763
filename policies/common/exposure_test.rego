package tforch_test.common.exposure

import data.tforch.common.exposure
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in exposure.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in exposure.warn with input as p
	r.id == id
}

db(public) := fx.unknown(
	fx.create("aws_db_instance", "main", {"engine": "postgres", "identifier": "main", "instance_class": "db.t4g.micro", "publicly_accessible": public, "storage_encrypted": true}),
	["address", "arn", "endpoint", "id"],
)

# COMMON-005
test_common_005_public_db_denied if denied("COMMON-005", fx.plan([db(true)]))

test_common_005_public_redshift_denied if {
	rc := fx.unknown(fx.create("aws_redshift_cluster", "dw", {"cluster_identifier": "dw", "encrypted": true, "node_type": "ra3.xlplus", "publicly_accessible": true}), ["arn", "id", "endpoint"])
	denied("COMMON-005", fx.plan([rc]))
}

test_common_005_private_db_ok if not denied("COMMON-005", fx.plan([db(false)]))

test_common_005_unknown_ok if not denied("COMMON-005", fx.plan([fx.unknown(db(true), ["publicly_accessible"])]))

test_common_005_deleted_ok if not denied("COMMON-005", fx.plan([fx.deleted(db(true))]))

test_common_005_module_resource_denied if {
	some r in exposure.deny with input as fx.plan([fx.in_module(fx.indexed(db(true), 0), "module.platform.module.database")])
	r.id == "COMMON-005"
	r.resource == "module.platform.module.database.aws_db_instance.main[0]"
}

# COMMON-006
instance(public) := fx.unknown(
	fx.create("aws_instance", "web", {"ami": "ami-0123456789abcdef0", "associate_public_ip_address": public, "instance_type": "t3.micro", "subnet_id": "subnet-0123456789abcdef0"}),
	["arn", "id", "public_ip", "private_ip"],
)

test_common_006_public_ip_denied if denied("COMMON-006", fx.plan([instance(true)]))

test_common_006_no_public_ip_ok if not denied("COMMON-006", fx.plan([instance(false)]))

test_common_006_computed_public_ip_ok if not denied("COMMON-006", fx.plan([fx.unknown(instance(true), ["associate_public_ip_address"])]))

# COMMON-007
template(public) := fx.unknown(
	fx.create("aws_launch_template", "web", {
		"image_id": "ami-0123456789abcdef0",
		"name": "web",
		"network_interfaces": [{"associate_public_ip_address": public, "delete_on_termination": "true", "device_index": 0, "security_groups": ["sg-0123456789abcdef0"], "subnet_id": null}],
	}),
	["arn", "id", "latest_version"],
)

test_common_007_template_public_ip_denied if denied("COMMON-007", fx.plan([template("true")]))

test_common_007_template_private_ok if not denied("COMMON-007", fx.plan([template("false"), template("")]))

# COMMON-008
public_statement := {"Sid": "Public", "Effect": "Allow", "Principal": "*", "Action": "ecr:BatchGetImage", "Resource": "*"}

ecr_policy(statements) := fx.unknown(fx.create("aws_ecr_repository_policy", "app", {"policy": fx.policy(statements), "repository": "app"}), ["id", "registry_id"])

test_common_008_public_ecr_policy_denied if denied("COMMON-008", fx.plan([ecr_policy([public_statement])]))

test_common_008_org_restricted_ok if {
	stmt := object.union(public_statement, {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}})
	not denied("COMMON-008", fx.plan([ecr_policy([stmt])]))
}

test_common_008_opensearch_access_policies_denied if {
	rc := fx.unknown(
		fx.create("aws_opensearch_domain", "search", {"access_policies": fx.policy([{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "es:*", "Resource": "arn:aws:es:eu-west-1:111122223333:domain/search/*"}]), "domain_name": "search"}),
		["arn", "domain_id", "endpoint", "id"],
	)
	denied("COMMON-008", fx.plan([rc]))
}

test_common_008_computed_policy_not_in_code_ok if {
	# Secrets Manager reports the policy of an existing secret even when the code does not set it.
	rc := fx.updated(fx.create("aws_secretsmanager_secret", "db", {"name": "db", "policy": fx.policy([public_statement])}))
	config := {"resources": [fx.cfg("aws_secretsmanager_secret", "db", {"name": fx.const("db")})]}
	not denied("COMMON-008", fx.plan_with_config([rc], config))
}

test_common_008_service_types_not_duplicated if {
	rc := fx.create("aws_s3_bucket_policy", "data", {"bucket": "acme-data", "policy": fx.policy([public_statement])})
	not denied("COMMON-008", fx.plan([rc]))
}

# COMMON-009
lb(internal) := fx.unknown(fx.create("aws_lb", "api", {"internal": internal, "load_balancer_type": "application", "name": "api"}), ["arn", "dns_name", "id", "zone_id"])

test_common_009_internet_facing_warned if warned("COMMON-009", fx.plan([lb(false)]))

test_common_009_internal_ok if not warned("COMMON-009", fx.plan([lb(true)]))

test_common_009_unknown_ok if not warned("COMMON-009", fx.plan([fx.unknown(lb(false), ["internal"])]))

# COMMON-010
eks(public, cidrs) := fx.unknown(
	fx.create("aws_eks_cluster", "main", {
		"name": "main",
		"role_arn": "arn:aws:iam::111122223333:role/eks",
		"version": "1.31",
		"vpc_config": [{"endpoint_private_access": true, "endpoint_public_access": public, "public_access_cidrs": cidrs, "security_group_ids": [], "subnet_ids": ["subnet-0123456789abcdef0"]}],
	}),
	["arn", "endpoint", "id", "certificate_authority"],
)

test_common_010_open_endpoint_denied if denied("COMMON-010", fx.plan([eks(true, ["0.0.0.0/0"])]))

test_common_010_restricted_endpoint_ok if not denied("COMMON-010", fx.plan([eks(true, ["203.0.113.0/24"])]))

test_common_010_private_endpoint_ok if not denied("COMMON-010", fx.plan([eks(false, ["0.0.0.0/0"])]))

test_common_010_unknown_cidrs_ok if {
	rc := fx.after_unknown(eks(true, null), {"vpc_config": [{"public_access_cidrs": true, "vpc_id": true}]})
	not denied("COMMON-010", fx.plan([rc]))
}
