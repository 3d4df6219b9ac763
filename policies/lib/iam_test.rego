package tforch_test.lib.iam

import data.tforch.lib.iam

test_document_from_string if iam.document("{\"Statement\": []}") == {"Statement": []}

test_document_invalid_is_undefined if not iam.document("{oops")

test_statement_object_and_array if {
	count(iam.statements({"Statement": {"Effect": "Allow"}})) == 1
	count(iam.statements({"Statement": [{"Effect": "Allow"}, {"Effect": "Deny"}]})) == 2
	count(iam.allow_statements({"Statement": [{"Effect": "Allow"}, {"Effect": "Deny"}]})) == 1
}

test_actions_string_or_array if {
	iam.actions({"Action": "S3:GetObject"}) == {"s3:getobject"}
	iam.actions({"Action": ["s3:*", "*"]}) == {"s3:*", "*"}
	iam.wildcard_actions({"Action": ["s3:*", "*", "s3:Get*"]}) == {"s3:*", "*"}
}

test_public_principal_forms if {
	iam.public_principal({"Principal": "*"})
	iam.public_principal({"Principal": {"AWS": "*"}})
	iam.public_principal({"Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}})
	not iam.public_principal({"Principal": {"Service": "s3.amazonaws.com"}})
}

test_restricting_condition_is_case_insensitive if {
	iam.restricted({"Condition": {"StringEquals": {"AWS:SourceAccount": "111122223333"}}})
	not iam.restricted({"Condition": {"Bool": {"aws:SecureTransport": "true"}}})
}

test_account_root if {
	iam.account_root("arn:aws:iam::111122223333:root")
	iam.account_root("111122223333")
	not iam.account_root("arn:aws:iam::111122223333:role/admin")
}
