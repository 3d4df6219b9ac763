# Public exposure policies that apply across services.
#
# Service packages own the public-principal checks of their resource policies
# (S3, KMS, IAM trust, SNS, SQS, DynamoDB, Lambda); COMMON-008 covers resource
# policies of the other services so that each problem is reported once.
package tforch.common.exposure

import data.tforch.lib
import data.tforch.lib.correlate
import data.tforch.lib.iam
import data.tforch.lib.plan

# METADATA
# title: Resources must not be publicly accessible
# description: >-
#   publicly_accessible = true gives a database or broker a public endpoint
#   (aws_db_instance, aws_rds_cluster_instance, aws_redshift_cluster,
#   aws_dms_replication_instance, aws_mq_broker, ...).
# custom:
#   id: COMMON-005
#   severity: critical
#   remediation: Set publicly_accessible = false and reach the resource through private networking (VPN, bastion, PrivateLink).
deny contains result if {
	some rc in input.resource_changes
	startswith(rc.type, "aws_")
	plan.managed(rc)
	plan.changing(rc)
	plan.is_true(rc, "publicly_accessible")
	result := lib.result(rego.metadata.rule(), rc, "publicly_accessible is true")
}

# METADATA
# title: EC2 instances must not get public IP addresses
# description: associate_public_ip_address = true puts the instance directly on the internet.
# custom:
#   id: COMMON-006
#   severity: high
#   remediation: Set associate_public_ip_address = false and expose services through a load balancer; use SSM Session Manager for access.
deny contains result if {
	some rc in plan.resources_in({"aws_instance", "aws_launch_configuration", "aws_spot_instance_request"})
	plan.is_true(rc, "associate_public_ip_address")
	result := lib.result(rego.metadata.rule(), rc, "associate_public_ip_address is true")
}

# METADATA
# title: Launch templates must not assign public IP addresses
# description: network_interfaces.associate_public_ip_address = "true" in a launch template gives every launched instance a public IP.
# custom:
#   id: COMMON-007
#   severity: high
#   remediation: Set associate_public_ip_address = "false" (or omit it) in network_interfaces.
deny contains result if {
	some template in plan.resources("aws_launch_template")
	some i, _ in plan.list(template, "network_interfaces")
	lower(sprintf("%v", [plan.value(template, ["network_interfaces", i, "associate_public_ip_address"])])) == "true"
	result := lib.result(rego.metadata.rule(), template, sprintf("network_interfaces[%d] assigns a public IP address", [i]))
}

# METADATA
# title: Resource policies must not allow public access
# description: >-
#   Resource-based policies of services without a dedicated package (ECR,
#   Secrets Manager, EFS, Glacier, OpenSearch, Backup, CloudWatch Logs,
#   EventBridge, API Gateway, CodeArtifact, Glue, SES, S3 access points, Kinesis)
#   must not allow Principal "*" without a restricting condition.
# custom:
#   id: COMMON-008
#   severity: critical
#   remediation: Name specific principals or add an aws:PrincipalOrgID / aws:SourceAccount / aws:SourceVpce condition.
deny contains result if {
	some rc in input.resource_changes
	attribute := resource_policy_attributes[rc.type]
	plan.managed(rc)
	plan.changing(rc)
	correlate.set_in_code(rc, attribute)
	doc := iam.doc_at(rc, attribute)
	some s in iam.statements(doc)
	iam.public_allow(s)
	result := lib.result(rego.metadata.rule(), rc, sprintf("%s statement %s allows a public principal", [attribute, iam.sid(s)]))
}

# METADATA
# title: Load balancers should be internal unless meant to be public
# description: internal = false creates an internet-facing load balancer; confirm that the exposure is intended and protected (WAF, TLS, authentication).
# custom:
#   id: COMMON-009
#   severity: medium
#   remediation: Set internal = true for load balancers that serve only private clients.
warn contains result if {
	some lb in plan.resources_in({"aws_lb", "aws_alb", "aws_elb"})
	plan.value(lb, "internal") == false
	result := lib.result(rego.metadata.rule(), lb, "the load balancer is internet-facing")
}

# METADATA
# title: EKS API endpoints must not be open to the internet
# description: A public cluster endpoint with public_access_cidrs 0.0.0.0/0 exposes the Kubernetes API server to every address.
# custom:
#   id: COMMON-010
#   severity: high
#   remediation: Set endpoint_public_access = false (with endpoint_private_access = true) or restrict public_access_cidrs.
deny contains result if {
	some cluster in plan.resources("aws_eks_cluster")
	some i, _ in plan.list(cluster, "vpc_config")
	plan.is_true(cluster, ["vpc_config", i, "endpoint_public_access"])
	"0.0.0.0/0" in plan.list(cluster, ["vpc_config", i, "public_access_cidrs"])
	result := lib.result(rego.metadata.rule(), cluster, "the public API endpoint is open to 0.0.0.0/0")
}

resource_policy_attributes := {
	"aws_api_gateway_rest_api": "policy",
	"aws_api_gateway_rest_api_policy": "policy",
	"aws_backup_vault_policy": "policy",
	"aws_cloudwatch_event_bus_policy": "policy",
	"aws_cloudwatch_log_resource_policy": "policy_document",
	"aws_codeartifact_domain_permissions_policy": "policy_document",
	"aws_codeartifact_repository_permissions_policy": "policy_document",
	"aws_ecr_registry_policy": "policy",
	"aws_ecr_repository_policy": "policy",
	"aws_efs_file_system_policy": "policy",
	"aws_elasticsearch_domain": "access_policies",
	"aws_elasticsearch_domain_policy": "access_policies",
	"aws_glacier_vault": "access_policy",
	"aws_glue_resource_policy": "policy",
	"aws_kinesis_resource_policy": "policy",
	"aws_opensearch_domain": "access_policies",
	"aws_opensearch_domain_policy": "access_policies",
	"aws_s3_access_point": "policy",
	"aws_s3control_access_point_policy": "policy",
	"aws_secretsmanager_secret": "policy",
	"aws_secretsmanager_secret_policy": "policy",
	"aws_ses_identity_policy": "policy",
}
