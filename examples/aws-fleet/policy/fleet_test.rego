package fleet.guardrails_test

import data.fleet.guardrails

change(name, inp) := {"address": sprintf("terraform_data.%s[\"x\"]", [name]), "type": "terraform_data", "name": name, "change": {"actions": ["create"], "after": {"input": inp}}}

ids(results) := {r.id | some r in results}

test_rotation_disabled_denied if "FLEET-001" in ids(guardrails.deny) with input as {"resource_changes": [change("kms_key", {"enable_key_rotation": false})]}

test_rotation_enabled_allowed if not "FLEET-001" in ids(guardrails.deny) with input as {"resource_changes": [change("kms_key", {"enable_key_rotation": true})]}

test_deleted_key_ignored if {
	rc := object.union(change("kms_key", {"enable_key_rotation": false}), {"change": {"actions": ["delete"], "after": null}})
	not "FLEET-001" in ids(guardrails.deny) with input as {"resource_changes": [rc]}
}

test_public_unclassified_denied if "FLEET-002" in ids(guardrails.deny) with input as {"resource_changes": [change("s3_bucket", {"public": true, "tags": {}})]}

test_public_classified_allowed if not "FLEET-002" in ids(guardrails.deny) with input as {"resource_changes": [change("s3_bucket", {"public": true, "tags": {"DataClass": "public"}})]}

test_missing_tag_denied if "FLEET-003" in ids(guardrails.deny) with input as {"resource_changes": [change("deployment", {"tags": {"Owner": "a", "Team": "b", "Environment": "dev"}})]}

test_all_tags_allowed if not "FLEET-003" in ids(guardrails.deny) with input as {"resource_changes": [change("deployment", {"tags": {"Owner": "a", "Team": "b", "Environment": "dev", "CostCenter": "c"}})]}

test_short_window_in_prd_warned if "FLEET-004" in ids(guardrails.warn) with input as {"resource_changes": [change("kms_key", {"deletion_window_in_days": 7, "tags": {"Environment": "prd"}})]}

test_short_window_in_dev_fine if not "FLEET-004" in ids(guardrails.warn) with input as {"resource_changes": [change("kms_key", {"deletion_window_in_days": 7, "tags": {"Environment": "dev"}})]}
