# RDS and Aurora policies.
#
# publicly_accessible is checked by COMMON-005 (data.tforch.common.exposure)
# for every resource type that has it.
package tforch.aws.rds

import data.tforch.lib
import data.tforch.lib.correlate
import data.tforch.lib.plan

# METADATA
# title: RDS instances must encrypt storage
# description: aws_db_instance must set storage_encrypted = true. Read replicas (replicate_source_db) inherit the source's encryption and are not checked.
# custom:
#   id: AWS-RDS-001
#   severity: critical
#   remediation: Set storage_encrypted = true (and kms_key_id to a customer managed key). Existing unencrypted instances must be restored from an encrypted snapshot copy.
deny contains result if {
	some db in plan.resources("aws_db_instance")
	not replica(db)
	plan.not_true(db, "storage_encrypted")
	result := lib.result(rego.metadata.rule(), db, "storage is not encrypted (storage_encrypted is not true)")
}

# METADATA
# title: RDS clusters must encrypt storage
# description: aws_rds_cluster (Aurora, Multi-AZ DB clusters) must set storage_encrypted = true. Aurora Serverless v1 (engine_mode serverless) is always encrypted and is not checked.
# custom:
#   id: AWS-RDS-002
#   severity: critical
#   remediation: Set storage_encrypted = true (and kms_key_id to a customer managed key).
deny contains result if {
	some cluster in plan.resources("aws_rds_cluster")
	plan.value(cluster, "engine_mode") != "serverless"
	plan.not_true(cluster, "storage_encrypted")
	result := lib.result(rego.metadata.rule(), cluster, "storage is not encrypted (storage_encrypted is not true)")
}

# METADATA
# title: RDS automated backups must be enabled
# description: backup_retention_period = 0 disables automated backups and point-in-time recovery. Read replicas are not checked.
# custom:
#   id: AWS-RDS-003
#   severity: high
#   remediation: Set backup_retention_period to 7 or more days.
deny contains result if {
	some db in databases
	not replica(db)
	retention := plan.value(db, "backup_retention_period")
	is_number(retention)
	retention < 1
	result := lib.result(rego.metadata.rule(), db, "automated backups are disabled (backup_retention_period = 0)")
}

# METADATA
# title: RDS backups should be kept at least 7 days
# description: A retention of 1-6 days leaves little time to notice and recover from data corruption.
# custom:
#   id: AWS-RDS-004
#   severity: medium
#   remediation: Set backup_retention_period to 7 or more days.
warn contains result if {
	some db in databases
	retention := plan.value(db, "backup_retention_period")
	is_number(retention)
	retention >= 1
	retention < 7
	result := lib.result(rego.metadata.rule(), db, sprintf("backup_retention_period is %v days (< 7)", [retention]))
}

# METADATA
# title: RDS databases should enable deletion protection
# description: deletion_protection prevents the database from being deleted by an accidental destroy or replacement.
# custom:
#   id: AWS-RDS-005
#   severity: medium
#   remediation: Set deletion_protection = true.
warn contains result if {
	some db in databases
	plan.not_true(db, "deletion_protection")
	result := lib.result(rego.metadata.rule(), db, "deletion_protection is not enabled")
}

# METADATA
# title: RDS databases should enable IAM authentication
# description: IAM database authentication replaces long-lived database passwords with short-lived tokens (MySQL, MariaDB, PostgreSQL and Aurora engines).
# custom:
#   id: AWS-RDS-006
#   severity: low
#   remediation: Set iam_database_authentication_enabled = true.
warn contains result if {
	some db in databases
	engine := plan.value(db, "engine")
	is_string(engine)
	regex.match(`^(mysql|mariadb|postgres|aurora)`, engine)
	plan.not_true(db, "iam_database_authentication_enabled")
	result := lib.result(rego.metadata.rule(), db, "IAM database authentication is not enabled")
}

# METADATA
# title: RDS instances should be Multi-AZ
# description: A single-AZ instance is unavailable during an AZ outage and during some maintenance operations.
# custom:
#   id: AWS-RDS-007
#   severity: medium
#   remediation: Set multi_az = true for production databases.
warn contains result if {
	some db in plan.resources("aws_db_instance")
	not replica(db)
	plan.not_true(db, "multi_az")
	result := lib.result(rego.metadata.rule(), db, "the instance is not Multi-AZ")
}

# METADATA
# title: RDS should apply minor version upgrades automatically
# description: auto_minor_version_upgrade = false leaves the database without engine security patches.
# custom:
#   id: AWS-RDS-008
#   severity: low
#   remediation: Set auto_minor_version_upgrade = true.
warn contains result if {
	some db in plan.resources_in({"aws_db_instance", "aws_rds_cluster_instance"})
	plan.value(db, "auto_minor_version_upgrade") == false
	result := lib.result(rego.metadata.rule(), db, "auto_minor_version_upgrade is disabled")
}

# METADATA
# title: RDS should export logs to CloudWatch
# description: enabled_cloudwatch_logs_exports makes database logs (audit, error, postgresql, ...) available for monitoring and investigations.
# custom:
#   id: AWS-RDS-009
#   severity: low
#   remediation: Set enabled_cloudwatch_logs_exports (e.g. ["postgresql"] or ["audit", "error", "slowquery"]).
warn contains result if {
	some db in databases
	plan.list(db, "enabled_cloudwatch_logs_exports") == []
	result := lib.result(rego.metadata.rule(), db, "no logs are exported to CloudWatch (enabled_cloudwatch_logs_exports)")
}

# METADATA
# title: RDS should copy tags to snapshots
# description: copy_tags_to_snapshot keeps ownership and cost tags on snapshots.
# custom:
#   id: AWS-RDS-010
#   severity: low
#   remediation: Set copy_tags_to_snapshot = true.
warn contains result if {
	some db in databases
	plan.not_true(db, "copy_tags_to_snapshot")
	result := lib.result(rego.metadata.rule(), db, "copy_tags_to_snapshot is not enabled")
}

# METADATA
# title: RDS master password should be managed by Secrets Manager
# description: >-
#   A password argument stores the master password in the Terraform state. Use
#   manage_master_user_password = true (or the write-only password_wo). The rule
#   fires when the password is known or set in the configuration (its value may
#   be unknown, e.g. random_password); the value itself is never reported.
# custom:
#   id: AWS-RDS-011
#   severity: medium
#   remediation: Remove password and set manage_master_user_password = true (optionally master_user_secret_kms_key_id).
warn contains result if {
	some db in databases
	password_set(db)
	plan.not_true(db, "manage_master_user_password")
	result := lib.result(rego.metadata.rule(), db, "the master password is set in Terraform and stored in state")
}

# METADATA
# title: RDS should take a final snapshot on deletion
# description: skip_final_snapshot = true deletes all data without a snapshot when the database is destroyed or replaced.
# custom:
#   id: AWS-RDS-012
#   severity: medium
#   remediation: Set skip_final_snapshot = false and final_snapshot_identifier.
warn contains result if {
	some db in databases
	plan.is_true(db, "skip_final_snapshot")
	result := lib.result(rego.metadata.rule(), db, "skip_final_snapshot is enabled")
}

# METADATA
# title: RDS parameter groups should enforce TLS
# description: >-
#   PostgreSQL parameter groups need rds.force_ssl = 1 (default only from
#   PostgreSQL 15) and MySQL/MariaDB/Aurora MySQL need require_secure_transport =
#   1/ON, otherwise clients may connect without TLS. Explicitly disabling the
#   parameter is always reported.
# custom:
#   id: AWS-RDS-013
#   severity: medium
#   remediation: Add parameter { name = "rds.force_ssl", value = "1" } (PostgreSQL) or parameter { name = "require_secure_transport", value = "1" } (MySQL/MariaDB).
warn contains result if {
	some pg in plan.resources_in({"aws_db_parameter_group", "aws_rds_cluster_parameter_group"})
	family := plan.value(pg, "family")
	is_string(family)
	name := tls_parameter(family)
	not plan.unknown(pg, "parameter")
	not tls_enforced(pg, name, family)
	result := lib.result(rego.metadata.rule(), pg, sprintf("parameter group (%s) does not enforce TLS (%s)", [family, name]))
}

# METADATA
# title: RDS instances should not use an expired CA certificate
# description: rds-ca-2015 and rds-ca-2019 have expired; clients verifying certificates fail and connections lose authenticity guarantees.
# custom:
#   id: AWS-RDS-014
#   severity: medium
#   remediation: Set ca_cert_identifier = "rds-ca-rsa2048-g1" (or rds-ca-rsa4096-g1 / rds-ca-ecc384-g1) and update client trust stores.
warn contains result if {
	some db in plan.resources("aws_db_instance")
	ca := plan.value(db, "ca_cert_identifier")
	ca in {"rds-ca-2015", "rds-ca-2019"}
	result := lib.result(rego.metadata.rule(), db, sprintf("uses the expired CA %q", [ca]))
}

# METADATA
# title: RDS should enable Enhanced Monitoring
# description: monitoring_interval = 0 disables Enhanced Monitoring (OS-level metrics).
# custom:
#   id: AWS-RDS-015
#   severity: low
#   remediation: Set monitoring_interval (e.g. 60) and monitoring_role_arn.
warn contains result if {
	some db in plan.resources_in({"aws_db_instance", "aws_rds_cluster_instance"})
	plan.value(db, "monitoring_interval") == 0
	result := lib.result(rego.metadata.rule(), db, "Enhanced Monitoring is disabled (monitoring_interval = 0)")
}

# --- helpers -----------------------------------------------------------------

databases := plan.resources_in({"aws_db_instance", "aws_rds_cluster"})

replica(db) if not plan.blank(plan.value(db, "replicate_source_db"))

password_set(db) if not plan.blank(plan.value(db, "password"))

password_set(db) if correlate.declared(db, "password")

tls_parameter(family) := "rds.force_ssl" if regex.match(`^(aurora-)?postgres`, family)

tls_parameter(family) := "require_secure_transport" if regex.match(`^(aurora-mysql|mysql|mariadb)`, family)

tls_enforced(pg, name, _) if {
	some i, _ in plan.list(pg, "parameter")
	plan.value(pg, ["parameter", i, "name"]) == name
	lower(sprintf("%v", [plan.value(pg, ["parameter", i, "value"])])) in {"1", "on", "true"}
}

# PostgreSQL 15+ enforces TLS by default unless the parameter turns it off.
tls_enforced(pg, name, family) if {
	name == "rds.force_ssl"
	major := to_number(regex.find_all_string_submatch_n(`postgres(ql)?([0-9]+)`, family, 1)[0][2])
	major >= 15
	not tls_disabled(pg, name)
}

tls_disabled(pg, name) if {
	some i, _ in plan.list(pg, "parameter")
	plan.value(pg, ["parameter", i, "name"]) == name
	lower(sprintf("%v", [plan.value(pg, ["parameter", i, "value"])])) in {"0", "off", "false"}
}
