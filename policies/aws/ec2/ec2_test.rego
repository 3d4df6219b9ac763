package tforch_test.aws.ec2

import data.tforch.aws.ec2
import data.tforch_test.fixtures as fx

denied(id, p) if {
	some r in ec2.deny with input as p
	r.id == id
}

warned(id, p) if {
	some r in ec2.warn with input as p
	r.id == id
}

instance := fx.after_unknown(
	fx.create("aws_instance", "app", {
		"ami": "ami-0123456789abcdef0",
		"associate_public_ip_address": false,
		"ebs_block_device": [],
		"iam_instance_profile": "app",
		"instance_type": "t3.micro",
		"key_name": null,
		"metadata_options": [{"http_endpoint": "enabled", "http_protocol_ipv6": "disabled", "http_put_response_hop_limit": 1, "http_tokens": "required", "instance_metadata_tags": "disabled"}],
		"monitoring": true,
		"root_block_device": [{"delete_on_termination": true, "encrypted": true, "volume_size": 20, "volume_type": "gp3"}],
		"subnet_id": "subnet-0123456789abcdef0",
		"tags": fx.tags,
		"tags_all": fx.tags,
		"user_data": null,
		"vpc_security_group_ids": ["sg-0123456789abcdef0"],
	}),
	{
		"arn": true, "id": true, "private_ip": true, "public_ip": true, "primary_network_interface_id": true,
		"root_block_device": [{"device_name": true, "iops": true, "kms_key_id": true, "throughput": true, "volume_id": true}],
	},
)

volume := fx.unknown(
	fx.create("aws_ebs_volume", "data", {
		"availability_zone": "eu-west-1a",
		"encrypted": true,
		"final_snapshot": false,
		"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		"multi_attach_enabled": null,
		"size": 100,
		"snapshot_id": null,
		"tags": fx.tags,
		"tags_all": fx.tags,
		"type": "gp3",
	}),
	["arn", "id", "iops", "throughput"],
)

template := fx.unknown(
	fx.create("aws_launch_template", "app", {
		"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"delete_on_termination": "true", "encrypted": "true", "volume_size": 20, "volume_type": "gp3"}], "no_device": null, "virtual_name": null}],
		"description": null,
		"iam_instance_profile": [{"arn": null, "name": "app"}],
		"image_id": "ami-0123456789abcdef0",
		"instance_type": "t3.micro",
		"key_name": null,
		"metadata_options": [{"http_endpoint": "enabled", "http_protocol_ipv6": null, "http_put_response_hop_limit": 1, "http_tokens": "required", "instance_metadata_tags": null}],
		"name": "app",
		"network_interfaces": [],
		"tags": fx.tags,
		"tags_all": fx.tags,
		"update_default_version": true,
	}),
	["arn", "default_version", "id", "latest_version"],
)

test_compliant_ec2_has_no_findings if {
	p := fx.plan([instance, volume, template])
	count(ec2.deny) == 0 with input as p
	count(ec2.warn) == 0 with input as p
}

ebs_default(enabled) := fx.create("aws_ebs_encryption_by_default", "this", {"enabled": enabled})

# AWS-EC2-001
test_ec2_001_unencrypted_root_denied if denied("AWS-EC2-001", fx.plan([fx.set(instance, {"root_block_device": [{"delete_on_termination": true, "encrypted": false, "volume_size": 20, "volume_type": "gp3"}]})]))

test_ec2_001_unencrypted_ebs_block_denied if {
	rc := fx.set(instance, {"ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": false, "volume_size": 50}]})
	denied("AWS-EC2-001", fx.plan([rc]))
}

test_ec2_001_encrypted_ok if not denied("AWS-EC2-001", fx.plan([instance]))

test_ec2_001_unknown_encrypted_ok if {
	rc := fx.after_unknown(fx.set(instance, {"root_block_device": [{"delete_on_termination": true, "volume_size": 20, "volume_type": "gp3"}]}), {"root_block_device": [{"encrypted": true}]})
	not denied("AWS-EC2-001", fx.plan([rc]))
}

test_ec2_001_encryption_by_default_ok if {
	rc := fx.set(instance, {"root_block_device": [{"delete_on_termination": true, "encrypted": false, "volume_size": 20, "volume_type": "gp3"}]})
	not denied("AWS-EC2-001", fx.plan([rc, fx.unchanged(ebs_default(true))]))
}

# AWS-EC2-002
test_ec2_002_unencrypted_volume_denied if denied("AWS-EC2-002", fx.plan([fx.set(volume, {"encrypted": false, "kms_key_id": null})]))

test_ec2_002_encrypted_volume_ok if not denied("AWS-EC2-002", fx.plan([volume]))

test_ec2_002_deleted_volume_ignored if not denied("AWS-EC2-002", fx.plan([fx.deleted(fx.set(volume, {"encrypted": false}))]))

# AWS-EC2-003
test_ec2_003_imdsv1_denied if {
	rc := fx.set(instance, {"metadata_options": [{"http_endpoint": "enabled", "http_protocol_ipv6": "disabled", "http_put_response_hop_limit": 1, "http_tokens": "optional", "instance_metadata_tags": "disabled"}]})
	denied("AWS-EC2-003", fx.plan([rc]))
}

test_ec2_003_imdsv2_ok if not denied("AWS-EC2-003", fx.plan([instance]))

test_ec2_003_metadata_disabled_ok if {
	rc := fx.set(instance, {"metadata_options": [{"http_endpoint": "disabled", "http_protocol_ipv6": "disabled", "http_put_response_hop_limit": 1, "http_tokens": "optional", "instance_metadata_tags": "disabled"}]})
	not denied("AWS-EC2-003", fx.plan([rc]))
}

test_ec2_003_unknown_metadata_options_ok if not denied("AWS-EC2-003", fx.plan([fx.unknown(instance, ["metadata_options"])]))

# AWS-EC2-004
test_ec2_004_template_without_metadata_options_denied if denied("AWS-EC2-004", fx.plan([fx.set(template, {"metadata_options": []})]))

test_ec2_004_template_optional_tokens_denied if {
	rc := fx.set(template, {"metadata_options": [{"http_endpoint": "enabled", "http_protocol_ipv6": null, "http_put_response_hop_limit": 2, "http_tokens": "optional", "instance_metadata_tags": null}]})
	denied("AWS-EC2-004", fx.plan([rc]))
}

test_ec2_004_template_required_ok if not denied("AWS-EC2-004", fx.plan([template]))

# AWS-EC2-005
test_ec2_005_no_detailed_monitoring_warned if warned("AWS-EC2-005", fx.plan([fx.set(instance, {"monitoring": false})]))

test_ec2_005_detailed_monitoring_ok if not warned("AWS-EC2-005", fx.plan([instance]))

# AWS-EC2-006
test_ec2_006_no_profile_warned if warned("AWS-EC2-006", fx.plan([fx.set(instance, {"iam_instance_profile": null})]))

test_ec2_006_profile_ok if not warned("AWS-EC2-006", fx.plan([instance]))

test_ec2_006_unknown_profile_ok if not warned("AWS-EC2-006", fx.plan([fx.unknown(instance, ["iam_instance_profile"])]))

# AWS-EC2-007
launch_permission(extra) := fx.unknown(fx.create("aws_ami_launch_permission", "share", object.union({"account_id": null, "group": null, "image_id": "ami-0123456789abcdef0", "organization_arn": null, "organizational_unit_arn": null}, extra)), ["id"])

test_ec2_007_public_ami_denied if denied("AWS-EC2-007", fx.plan([launch_permission({"group": "all"})]))

test_ec2_007_account_share_ok if not denied("AWS-EC2-007", fx.plan([launch_permission({"account_id": "222233334444"})]))

# AWS-EC2-008
test_ec2_008_default_encryption_disabled_warned if warned("AWS-EC2-008", fx.plan([ebs_default(false)]))

test_ec2_008_default_encryption_enabled_ok if not warned("AWS-EC2-008", fx.plan([ebs_default(true)]))

# AWS-EC2-009
test_ec2_009_template_unencrypted_denied if {
	rc := fx.set(template, {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"delete_on_termination": "true", "encrypted": "false", "volume_size": 20, "volume_type": "gp3"}], "no_device": null, "virtual_name": null}]})
	some r in ec2.deny with input as fx.plan([rc])
	r.id == "AWS-EC2-009"
	contains(r.msg, "/dev/xvda")
}

test_ec2_009_template_encrypted_ok if not denied("AWS-EC2-009", fx.plan([template]))

test_ec2_009_template_inherit_ok if {
	rc := fx.set(template, {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"delete_on_termination": "true", "encrypted": "", "volume_size": 20, "volume_type": "gp3"}], "no_device": null, "virtual_name": null}]})
	not denied("AWS-EC2-009", fx.plan([rc]))
}

# AWS-EC2-010
snapshot_copy(encrypted) := fx.unknown(fx.create("aws_ebs_snapshot_copy", "dr", {"description": "DR copy", "encrypted": encrypted, "kms_key_id": null, "source_region": "eu-west-1", "source_snapshot_id": "snap-0123456789abcdef0", "tags": fx.tags, "tags_all": fx.tags}), ["arn", "id", "volume_id", "volume_size"])

test_ec2_010_unencrypted_copy_warned if warned("AWS-EC2-010", fx.plan([snapshot_copy(false)]))

test_ec2_010_encrypted_copy_ok if not warned("AWS-EC2-010", fx.plan([snapshot_copy(true)]))

# AWS-EC2-011
test_ec2_011_key_pair_warned if warned("AWS-EC2-011", fx.plan([fx.set(instance, {"key_name": "ops"})]))

test_ec2_011_no_key_pair_ok if not warned("AWS-EC2-011", fx.plan([instance]))

# AWS-EC2-012
test_ec2_012_aws_managed_key_warned if warned("AWS-EC2-012", fx.plan([fx.set(volume, {"kms_key_id": null})]))

test_ec2_012_customer_key_ok if not warned("AWS-EC2-012", fx.plan([volume]))

test_ec2_012_unknown_key_ok if not warned("AWS-EC2-012", fx.plan([fx.unknown(volume, ["kms_key_id"])]))

# AWS-EC2-013
launch_configuration := fx.unknown(fx.create("aws_launch_configuration", "legacy", {"image_id": "ami-0123456789abcdef0", "instance_type": "t3.micro", "name": "legacy"}), ["arn", "id"])

test_ec2_013_launch_configuration_warned if warned("AWS-EC2-013", fx.plan([launch_configuration]))

test_ec2_013_deleted_launch_configuration_ok if not warned("AWS-EC2-013", fx.plan([fx.deleted(launch_configuration)]))
