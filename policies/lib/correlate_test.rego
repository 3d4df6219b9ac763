package tforch_test.lib.correlate

import data.tforch.lib.correlate
import data.tforch_test.fixtures as fx

bucket := fx.unknown(fx.create("aws_s3_bucket", "data", {"force_destroy": false}), ["bucket", "id", "arn"])

versioning := fx.unknown(
	fx.create("aws_s3_bucket_versioning", "data", {"versioning_configuration": [{"status": "Enabled"}]}),
	["bucket", "id"],
)

related(target, p) := addresses if {
	companions := correlate.related(target, "aws_s3_bucket_versioning", "bucket", "bucket") with input as p
	addresses := {c.address | some c in companions}
}

# Direct reference in the root module.
test_direct_reference if {
	config := {"resources": [fx.cfg("aws_s3_bucket_versioning", "data", {"bucket": fx.refs("aws_s3_bucket.data")})]}
	related(bucket, fx.plan_with_config([bucket, versioning], config)) == {"aws_s3_bucket_versioning.data"}
}

test_no_reference_no_link if {
	config := {"resources": [fx.cfg("aws_s3_bucket_versioning", "data", {"bucket": fx.const("other")})]}
	related(bucket, fx.plan_with_config([bucket, versioning], config)) == set()
}

# Equal known bucket names.
test_value_link if {
	b := fx.set(fx.after_unknown(bucket, {"bucket": false}), {"bucket": "acme"})
	v := fx.set(fx.after_unknown(versioning, {"bucket": false}), {"bucket": "acme"})
	related(b, fx.plan([b, v])) == {"aws_s3_bucket_versioning.data"}
}

# Both in module.storage["eu"] (module call with for_each).
test_module_instance_link if {
	config := {"resources": [], "module_calls": {"storage": fx.module_call("./storage", {}, {"resources": [
		fx.cfg("aws_s3_bucket_versioning", "data", {"bucket": fx.refs("aws_s3_bucket.data")}),
	]})}}
	b := fx.in_module(bucket, "module.storage[\"eu\"]")
	v_eu := fx.in_module(versioning, "module.storage[\"eu\"]")
	v_us := fx.in_module(versioning, "module.storage[\"us\"]")
	related(b, fx.plan_with_config([b, v_eu, v_us], config)) == {"module.storage[\"eu\"].aws_s3_bucket_versioning.data"}
}

# Nested modules: module.platform.module.storage.
test_nested_module_link if {
	inner := {"resources": [fx.cfg("aws_s3_bucket_versioning", "data", {"bucket": fx.refs("aws_s3_bucket.data")})]}
	config := {"resources": [], "module_calls": {"platform": fx.module_call("./platform", {}, {
		"resources": [],
		"module_calls": {"storage": fx.module_call("../storage", {}, inner)},
	})}}
	b := fx.in_module(bucket, "module.platform.module.storage")
	v := fx.in_module(versioning, "module.platform.module.storage")
	related(b, fx.plan_with_config([b, v], config)) == {"module.platform.module.storage.aws_s3_bucket_versioning.data"}
}

# Same names in the root and in a module do not link.
test_root_and_module_same_name_not_linked if {
	config := {
		"resources": [fx.cfg("aws_s3_bucket", "data", {})],
		"module_calls": {"storage": fx.module_call("./storage", {}, {"resources": [
			fx.cfg("aws_s3_bucket", "data", {}),
			fx.cfg("aws_s3_bucket_versioning", "data", {"bucket": fx.refs("aws_s3_bucket.data")}),
		]})},
	}
	v := fx.in_module(versioning, "module.storage")
	related(bucket, fx.plan_with_config([bucket, v], config)) == set()
}

# Companion in a module that receives the bucket id through a variable.
test_variable_link if {
	config := {
		"resources": [fx.cfg("aws_s3_bucket", "data", {})],
		"module_calls": {"versioning": fx.module_call("./versioning", {"bucket_id": fx.refs("aws_s3_bucket.data")}, {"resources": [
			fx.cfg("aws_s3_bucket_versioning", "this", {"bucket": {"references": ["var.bucket_id"]}}),
		]})},
	}
	v := fx.in_module(fx.create("aws_s3_bucket_versioning", "this", versioning.change.after), "module.versioning")
	related(bucket, fx.plan_with_config([bucket, fx.unknown(v, ["bucket"])], config)) == {"module.versioning.aws_s3_bucket_versioning.this"}
}

# Companion in the root that uses a module output.
test_output_link if {
	config := {
		"resources": [fx.cfg("aws_s3_bucket_versioning", "data", {"bucket": {"references": ["module.storage.bucket_id", "module.storage"]}})],
		"module_calls": {"storage": fx.module_call("./storage", {}, {
			"resources": [fx.cfg("aws_s3_bucket", "this", {})],
			"outputs": {"bucket_id": {"expression": fx.refs("aws_s3_bucket.this")}},
		})},
	}
	b := fx.in_module(fx.create("aws_s3_bucket", "this", bucket.change.after), "module.storage")
	related(fx.unknown(b, ["bucket"]), fx.plan_with_config([b, versioning], config)) == {"aws_s3_bucket_versioning.data"}
}

# for_each buckets: a companion referencing aws_s3_bucket.data["logs"] only links to that instance.
test_instance_specific_reference if {
	config := {"resources": [fx.cfg("aws_s3_bucket_versioning", "data", {"bucket": {"references": [
		"aws_s3_bucket.data[\"logs\"].id", "aws_s3_bucket.data[\"logs\"]", "aws_s3_bucket.data",
	]}})]}
	logs := fx.indexed(bucket, "logs")
	assets := fx.indexed(bucket, "assets")
	p := fx.plan_with_config([logs, assets, versioning], config)
	related(logs, p) == {"aws_s3_bucket_versioning.data"}
	related(assets, p) == set()
}

# for_each companions using each.key link to every instance of the bucket.
test_each_key_reference if {
	config := {"resources": [fx.cfg("aws_s3_bucket_versioning", "data", {"bucket": {"references": ["aws_s3_bucket.data", "each.key"]}})]}
	logs := fx.indexed(bucket, "logs")
	v := fx.indexed(versioning, "logs")
	related(logs, fx.plan_with_config([logs, v], config)) == {"aws_s3_bucket_versioning.data[\"logs\"]"}
}

test_deleted_companion_not_related if {
	config := {"resources": [fx.cfg("aws_s3_bucket_versioning", "data", {"bucket": fx.refs("aws_s3_bucket.data")})]}
	related(bucket, fx.plan_with_config([bucket, fx.deleted(versioning)], config)) == set()
}

test_module_names if {
	correlate.module_names({"module_address": "module.a[\"x\"].module.b[0]"}) == ["a", "b"]
	correlate.module_names({"address": "aws_s3_bucket.x"}) == []
}

test_local_address if {
	correlate.local_address({"address": "module.a[\"k.1\"].aws_s3_bucket.x[0]", "module_address": "module.a[\"k.1\"]"}) == "aws_s3_bucket.x[0]"
}
