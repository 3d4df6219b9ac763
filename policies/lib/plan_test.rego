package tforch_test.lib.plan

import data.tforch.lib.plan
import data.tforch_test.fixtures as fx

rc := fx.after_unknown(
	fx.create("aws_instance", "web", {
		"ami": "ami-0123456789abcdef0",
		"monitoring": false,
		"root_block_device": [{"encrypted": true}, null],
		"tags": {"Owner": "platform"},
	}),
	{"arn": true, "root_block_device": [{"volume_id": true}, true], "tags": {"Team": true}},
)

test_value_known if plan.value(rc, "ami") == "ami-0123456789abcdef0"

test_value_absent_is_null if plan.value(rc, "key_name") == null

test_value_unknown_is_undefined if not plan.value(rc, "arn")

test_value_nested_path if plan.value(rc, ["root_block_device", 0, "encrypted"]) == true

test_unknown_nested_leaf if plan.unknown(rc, ["root_block_device", 0, "volume_id"])

test_unknown_parent_makes_children_unknown if {
	plan.unknown(rc, ["root_block_device", 1])
	plan.unknown(rc, ["root_block_device", 1, "encrypted"])
	not plan.value(rc, ["root_block_device", 1, "encrypted"])
}

test_known_false_is_not_true if plan.not_true(rc, "monitoring")

test_unknown_is_neither_true_nor_not_true if {
	not plan.is_true(rc, "arn")
	not plan.not_true(rc, "arn")
}

test_value_or_default_for_unknown if plan.value_or(rc, "arn", "x") == "x"

test_list_of_null_is_empty if plan.list(rc, "ebs_block_device") == []

test_resources_selects_create_update_replace if {
	a := fx.create("aws_sqs_queue", "a", {})
	b := fx.updated(fx.create("aws_sqs_queue", "b", {}))
	c := fx.replaced(fx.create("aws_sqs_queue", "c", {}))
	d := fx.deleted(fx.create("aws_sqs_queue", "d", {}))
	e := fx.unchanged(fx.create("aws_sqs_queue", "e", {}))
	f := json.patch(fx.create("aws_sqs_queue", "f", {}), [{"op": "replace", "path": "/mode", "value": "data"}])
	selected := plan.resources("aws_sqs_queue") with input as fx.plan([a, b, c, d, e, f])
	{r.address | some r in selected} == {"aws_sqs_queue.a", "aws_sqs_queue.b", "aws_sqs_queue.c"}
}

test_present_includes_noop_excludes_delete if {
	plan.present(fx.unchanged(rc))
	plan.present(rc)
	not plan.present(fx.deleted(rc))
}

test_blank if {
	plan.blank(null)
	plan.blank("  ")
	not plan.blank("x")
}
