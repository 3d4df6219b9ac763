#!/usr/bin/env bash
# Runs every test: the jest suites (unit, adapters with the real binaries, the
# bundled CLI) and the OPA policy library. Installs the pinned tools first (cached).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/install-tools.sh
export PATH="$ROOT/.tools/bin:$PATH"
[[ -f dist/cli.js ]] || npm run build

report="$(mktemp)"
trap 'rm -f "$report"' EXIT
status=0
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --json --outputFile="$report" "$@" || status=$?

policy_status=0
policy_line=""
# The shipped library and the example's own policies.
policy_dirs=(policies/ examples/aws-fleet/policy/)
if find "${policy_dirs[@]}" -name '*.rego' | grep -q .; then
  .tools/bin/opa check --v1-compatible "${policy_dirs[@]}" || policy_status=$?
  policy_out="$(.tools/bin/opa test "${policy_dirs[@]}" --format json 2>&1)" || policy_status=$?
  policy_line="$(node -e '
    const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const failed = r.filter((t) => t.fail || t.error).length;
    console.log(`${r.length - failed} ${failed}`);
  ' <<<"$policy_out" 2>/dev/null || echo "0 1")"
  if [[ $policy_status -ne 0 ]]; then .tools/bin/opa test "${policy_dirs[@]}" 2>&1 | tail -n 40 || true; fi
fi

node -e '
  const fs = require("fs");
  const j = fs.existsSync(process.argv[1]) && fs.statSync(process.argv[1]).size ? JSON.parse(fs.readFileSync(process.argv[1], "utf8")) : { numPassedTests: 0, numFailedTests: 1 };
  const [pp, pf] = (process.argv[2] || "0 0").split(" ").map(Number);
  console.log(`jest: ${j.numPassedTests} passed, ${j.numFailedTests} failed`);
  console.log(`policies: ${pp} passed, ${pf} failed`);
  console.log(`tests: ${j.numPassedTests + pp} passed, ${j.numFailedTests + pf} failed`);
' "$report" "$policy_line"

[[ $status -eq 0 && $policy_status -eq 0 ]]
