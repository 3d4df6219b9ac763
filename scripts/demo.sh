#!/usr/bin/env bash
# The main job on the shipped examples, offline, on local state: what a
# pull request run does, end to end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/install-tools.sh tofu opa
export PATH="$ROOT/.tools/bin:$PATH"
[[ -f node_modules/.package-lock.json ]] || npm ci --no-audit --no-fund
[[ -f dist/cli.js ]] || npm run build

for example in examples/aws-fleet examples/oci-region/toronto; do
  echo "== $example"
  node dist/cli.js list --all --working-dir "$example"
  node dist/cli.js graph --all --working-dir "$example"
done
