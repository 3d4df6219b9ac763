#!/usr/bin/env bash
# The main job on the shipped examples, offline, on local state: discover, order,
# plan and apply every deployment with the real OpenTofu, then run again to show
# that nothing is left to change.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/install-tools.sh tofu opa
export PATH="$ROOT/.tools/bin:$PATH"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
[[ -f dist/cli.js ]] || npm run build

for example in examples/aws-fleet examples/oci-region/toronto; do
  echo
  echo "=== $example: execution graph"
  node dist/cli.js graph --all --working-dir "$example"
  echo
  echo "=== $example: apply"
  node dist/cli.js apply --all --working-dir "$example"
  echo
  echo "=== $example: second run (expect no changes)"
  node dist/cli.js plan --all --working-dir "$example"
done
