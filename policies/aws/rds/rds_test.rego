package tforch_test.aws.rds

import data.tforch.aws.rds
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in rds.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in rds.warn with input as p
	r.id == id
}

db := fx.after_unknown(
	fx.create("aws_db_instance", "main", {
		"allocated_storage": 100,
		"auto_minor_version_upgrade": true,
		"backup_retention_period": 14,
		"ca_cert_identifier": "rds-ca-rsa2048-g1",
		"copy_tags_to_snapshot": true,
		"db_name": "app",
		"db_subnet_group_name": "private",
		"deletion_protection": true,
		"enabled_cloudwatch_logs_exports": ["postgresql", "upgrade"],
		"engine": "postgres",
		"engine_version": "16.4",
		"final_snapshot_identifier": "main-final",
		"iam_database_authentication_enabled": true,
		"identifier": "main",
		"instance_class": "db.r6g.large",
		"manage_master_user_password": true,
		"monitoring_interval": 60,
		"multi_az": true,
		"password": null,
		"publicly_accessible": false,
		"replicate_source_db": null,
		"skip_final_snapshot": false,
		"storage_encrypted": true,
		"storage_type": "gp3",
		"tags": fx.tags,
		"tags_all": fx.tags,
		"username": "app_admin",
	}),
	{
		"address": true, "arn": true, "endpoint": true, "id": true, "kms_key_id": true,
		"master_user_secret": true, "monitoring_role_arn": true, "port": true, "resource_id": true,
	},
)

cluster := fx.after_unknown(
	fx.create("aws_rds_cluster", "aurora", {
		"backup_retention_period": 7,
		"cluster_identifier": "aurora",
		"copy_tags_to_snapshot": true,
		"database_name": "app",
		"deletion_protection": true,
		"enabled_cloudwatch_logs_exports": ["postgresql"],
		"engine": "aurora-postgresql",
		"engine_mode": "provisioned",
		"engine_version": "16.4",
		"iam_database_authentication_enabled": true,
		"manage_master_user_password": true,
		"master_password": null,
		"master_username": "app_admin",
		"skip_final_snapshot": false,
		"final_snapshot_identifier": "aurora-final",
		"storage_encrypted": true,
		"tags": fx.tags,
		"tags_all": fx.tags,
	}),
	{"arn": true, "endpoint": true, "id": true, "kms_key_id": true, "reader_endpoint": true, "master_user_secret": true},
)

cluster_instance := fx.unknown(
	fx.create("aws_rds_cluster_instance", "aurora", {
		"auto_minor_version_upgrade": true,
		"cluster_identifier": "aurora",
		"engine": "aurora-postgresql",
		"identifier": "aurora-1",
		"instance_class": "db.r6g.large",
		"monitoring_interval": 60,
		"publicly_accessible": false,
		"tags": fx.tags,
		"tags_all": fx.tags,
	}),
	["arn", "endpoint", "id", "port", "writer"],
)

parameter_group(family, parameters) := fx.create("aws_db_parameter_group", "main", {
	"description": "Managed by Terraform",
	"family": family,
	"name": "main",
	"parameter": parameters,
	"skip_destroy": false,
	"tags": fx.tags,
	"tags_all": fx.tags,
})

force_ssl := [{"apply_method": "pending-reboot", "name": "rds.force_ssl", "value": "1"}]

test_compliant_rds_has_no_findings if {
	p := fx.plan([db, cluster, cluster_instance, parameter_group("postgres14", force_ssl)])
	count(rds.deny) == 0 with input as p
	count(rds.warn) == 0 with input as p
}

# AWS-RDS-001
test_rds_001_unencrypted_instance_denied if denied("AWS-RDS-001", fx.plan([fx.set(db, {"storage_encrypted": false})]))

test_rds_001_unset_encryption_denied if denied("AWS-RDS-001", fx.plan([fx.set(db, {"storage_encrypted": null})]))

test_rds_001_encrypted_ok if not denied("AWS-RDS-001", fx.plan([db]))

test_rds_001_unknown_ok if not denied("AWS-RDS-001", fx.plan([fx.unknown(db, ["storage_encrypted"])]))

test_rds_001_replica_ok if not denied("AWS-RDS-001", fx.plan([fx.set(db, {"storage_encrypted": false, "replicate_source_db": "main"})]))

test_rds_001_deleted_ignored if not denied("AWS-RDS-001", fx.plan([fx.deleted(fx.set(db, {"storage_encrypted": false}))]))

test_rds_001_replaced_denied if denied("AWS-RDS-001", fx.plan([fx.replaced(fx.set(db, {"storage_encrypted": false}))]))

test_rds_001_in_module_denied if {
	some r in rds.deny with input as fx.plan([fx.in_module(fx.set(db, {"storage_encrypted": false}), "module.db[\"eu\"]")])
	r.id == "AWS-RDS-001"
	r.resource == "module.db[\"eu\"].aws_db_instance.main"
}

# AWS-RDS-002
test_rds_002_unencrypted_cluster_denied if denied("AWS-RDS-002", fx.plan([fx.set(cluster, {"storage_encrypted": false})]))

test_rds_002_encrypted_cluster_ok if not denied("AWS-RDS-002", fx.plan([cluster]))

test_rds_002_serverless_v1_ok if not denied("AWS-RDS-002", fx.plan([fx.set(cluster, {"storage_encrypted": false, "engine_mode": "serverless"})]))

# AWS-RDS-003
test_rds_003_no_backups_denied if denied("AWS-RDS-003", fx.plan([fx.set(db, {"backup_retention_period": 0})]))

test_rds_003_backups_ok if not denied("AWS-RDS-003", fx.plan([db]))

test_rds_003_unknown_retention_ok if not denied("AWS-RDS-003", fx.plan([fx.unknown(db, ["backup_retention_period"])]))

test_rds_003_noop_ignored if not denied("AWS-RDS-003", fx.plan([fx.unchanged(fx.set(db, {"backup_retention_period": 0}))]))

# AWS-RDS-004
test_rds_004_short_retention_warned if warned("AWS-RDS-004", fx.plan([fx.set(cluster, {"backup_retention_period": 1})]))

test_rds_004_week_retention_ok if not warned("AWS-RDS-004", fx.plan([cluster]))

# AWS-RDS-005
test_rds_005_no_deletion_protection_warned if warned("AWS-RDS-005", fx.plan([fx.set(db, {"deletion_protection": false})]))

test_rds_005_deletion_protection_ok if not warned("AWS-RDS-005", fx.plan([db]))

# AWS-RDS-006
test_rds_006_no_iam_auth_warned if warned("AWS-RDS-006", fx.plan([fx.set(cluster, {"iam_database_authentication_enabled": false})]))

test_rds_006_iam_auth_ok if not warned("AWS-RDS-006", fx.plan([cluster]))

test_rds_006_sqlserver_ok if not warned("AWS-RDS-006", fx.plan([fx.set(db, {"engine": "sqlserver-se", "iam_database_authentication_enabled": false})]))

# AWS-RDS-007
test_rds_007_single_az_warned if warned("AWS-RDS-007", fx.plan([fx.set(db, {"multi_az": false})]))

test_rds_007_multi_az_ok if not warned("AWS-RDS-007", fx.plan([db]))

# AWS-RDS-008
test_rds_008_no_minor_upgrades_warned if warned("AWS-RDS-008", fx.plan([fx.set(cluster_instance, {"auto_minor_version_upgrade": false})]))

test_rds_008_minor_upgrades_ok if not warned("AWS-RDS-008", fx.plan([cluster_instance]))

# AWS-RDS-009
test_rds_009_no_log_exports_warned if warned("AWS-RDS-009", fx.plan([fx.set(db, {"enabled_cloudwatch_logs_exports": null})]))

test_rds_009_log_exports_ok if not warned("AWS-RDS-009", fx.plan([db]))

# AWS-RDS-010
test_rds_010_no_tag_copy_warned if warned("AWS-RDS-010", fx.plan([fx.set(db, {"copy_tags_to_snapshot": false})]))

test_rds_010_tag_copy_ok if not warned("AWS-RDS-010", fx.plan([db]))

# AWS-RDS-011
test_rds_011_literal_password_warned if {
	rc := fx.set(db, {"manage_master_user_password": null, "password": "Sup3rS3cret!"})
	some r in rds.warn with input as fx.plan([rc])
	r.id == "AWS-RDS-011"
	not contains(r.msg, "Sup3rS3cret")
}

test_rds_011_random_password_in_config_warned if {
	rc := fx.unknown(fx.set(db, {"manage_master_user_password": null}), ["password"])
	config := {"resources": [fx.cfg("aws_db_instance", "main", {"password": {"references": ["random_password.db.result", "random_password.db"]}})]}
	warned("AWS-RDS-011", fx.plan_with_config([rc], config))
}

test_rds_011_unknown_password_without_config_ok if not warned("AWS-RDS-011", fx.plan([fx.unknown(fx.set(db, {"manage_master_user_password": null}), ["password"])]))

test_rds_011_managed_password_ok if not warned("AWS-RDS-011", fx.plan([db]))

# AWS-RDS-012
test_rds_012_skip_final_snapshot_warned if warned("AWS-RDS-012", fx.plan([fx.set(cluster, {"skip_final_snapshot": true})]))

test_rds_012_final_snapshot_ok if not warned("AWS-RDS-012", fx.plan([cluster]))

# AWS-RDS-013
test_rds_013_postgres14_without_force_ssl_warned if warned("AWS-RDS-013", fx.plan([parameter_group("postgres14", [])]))

test_rds_013_postgres16_default_ok if not warned("AWS-RDS-013", fx.plan([parameter_group("postgres16", [])]))

test_rds_013_postgres16_disabled_warned if {
	warned("AWS-RDS-013", fx.plan([parameter_group("postgres16", [{"apply_method": "immediate", "name": "rds.force_ssl", "value": "0"}])]))
}

test_rds_013_mysql_secure_transport_ok if {
	params := [{"apply_method": "immediate", "name": "require_secure_transport", "value": "ON"}]
	not warned("AWS-RDS-013", fx.plan([parameter_group("mysql8.0", params)]))
}

test_rds_013_mysql_without_secure_transport_warned if warned("AWS-RDS-013", fx.plan([parameter_group("mysql8.0", [{"apply_method": "immediate", "name": "max_connections", "value": "500"}])]))

test_rds_013_postgres_force_ssl_ok if not warned("AWS-RDS-013", fx.plan([parameter_group("postgres14", force_ssl)]))

# AWS-RDS-014
test_rds_014_expired_ca_warned if warned("AWS-RDS-014", fx.plan([fx.set(db, {"ca_cert_identifier": "rds-ca-2019"})]))

test_rds_014_current_ca_ok if not warned("AWS-RDS-014", fx.plan([db]))

# AWS-RDS-015
test_rds_015_no_enhanced_monitoring_warned if warned("AWS-RDS-015", fx.plan([fx.set(db, {"monitoring_interval": 0})]))

test_rds_015_enhanced_monitoring_ok if not warned("AWS-RDS-015", fx.plan([db]))
