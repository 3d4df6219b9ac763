//go:build tools

// Keeps the Terragrunt requirement in go.mod (nothing here is compiled).
package tools

import _ "github.com/gruntwork-io/terragrunt"
