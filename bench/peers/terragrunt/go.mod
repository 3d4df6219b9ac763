// Helper module that pins Terragrunt for the peer benchmark (bench/peers.mjs).
// Terragrunt's own replace lines do not apply to a module that requires it, so
// they are repeated here (copied from its go.mod at v0.77.22).
module tf-orchestrator/bench/peers/terragrunt

go 1.23.0

require github.com/gruntwork-io/terragrunt v0.77.22

replace (
	atomicgo.dev/cursor => github.com/atomicgo/cursor v0.2.0
	atomicgo.dev/keyboard => github.com/atomicgo/keyboard v0.2.9
	atomicgo.dev/schedule => github.com/atomicgo/schedule v0.1.0
	github.com/hashicorp/terraform => github.com/hashicorp/terraform v0.15.3
	github.com/hashicorp/vault => github.com/hashicorp/vault v1.4.2
	github.com/terraform-linters/tflint => github.com/terraform-linters/tflint v0.50.3
)
