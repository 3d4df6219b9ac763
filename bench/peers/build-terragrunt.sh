#!/usr/bin/env bash
# Builds Terragrunt for the peer benchmark (`npm run bench -- --peers`), pinned in
# bench/peers/terragrunt/go.mod, from the Go module proxy, once, into
# $HOME/.cache/tf-orchestrator/tools/terragrunt-<version>/ (as scripts/install-tools.sh
# does for the other tools). Prints the binary's path.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MOD="$HERE/terragrunt"
VERSION="$(awk '$1 == "require" && $2 == "github.com/gruntwork-io/terragrunt" { print $3; exit }' "$MOD/go.mod")"
CACHE="${TF_ORCHESTRATOR_TOOLS_CACHE:-$HOME/.cache/tf-orchestrator/tools}"
DIR="$CACHE/terragrunt-$VERSION"
say() { printf '[build-terragrunt] %s\n' "$*" >&2; }

if [[ -x "$DIR/terragrunt" ]]; then echo "$DIR/terragrunt"; exit 0; fi
command -v go >/dev/null 2>&1 || { say "ERROR: Go is not installed (go version); install Go 1.23+ and run again"; exit 1; }

# The checksum database does not know this module version; -mod=mod lets go resolve
# the helper's full requirement graph without a committed go.sum.
export GONOSUMDB="github.com/gruntwork-io/terragrunt" GOFLAGS="-mod=mod" GOTOOLCHAIN="${GOTOOLCHAIN:-local}"
tmp="$DIR.partial.$$"
rm -rf "$tmp" && mkdir -p "$tmp"
say "terragrunt $VERSION: building with Go (several minutes on 2 cores; later runs use $DIR)"
started=$SECONDS
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$MOD/go.mod" "$MOD/tools.go" "$work/"
if ! (cd "$work" && go build -trimpath -ldflags="-s -w -X github.com/gruntwork-io/go-commons/version.Version=$VERSION" \
  -o "$tmp/terragrunt" github.com/gruntwork-io/terragrunt) >"$tmp/build.log" 2>&1; then
  tail -n 30 "$tmp/build.log" >&2
  say "ERROR: building terragrunt $VERSION failed (full log: $tmp/build.log)"
  exit 1
fi
rm -rf "$DIR" && mv "$tmp" "$DIR"
say "terragrunt $VERSION: built in $((SECONDS - started))s"
echo "$DIR/terragrunt"
