#!/usr/bin/env bash
# Installs actionlint (the GitHub Actions workflow linter), built from the Go module
# proxy at a pinned version, into $HOME/.cache/tf-orchestrator/tools/actionlint-<version>/
# and links it into .tools/bin/actionlint. Idempotent: a cached build is only linked.
#
#   scripts/install-actionlint.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TF_ORCHESTRATOR_TOOLS_CACHE:-$HOME/.cache/tf-orchestrator/tools}"
BIN="$ROOT/.tools/bin"
ACTIONLINT_VERSION="v1.7.12"
DIR="$CACHE/actionlint-$ACTIONLINT_VERSION"

say() { printf '[install-actionlint] %s\n' "$*" >&2; }
fail() {
  say "ERROR: $1"
  say "  command: $2"
  say "  what to do: $3"
  exit 1
}

mkdir -p "$BIN" "$CACHE"

if [[ -x "$DIR/actionlint" ]]; then
  ln -sfn "$DIR/actionlint" "$BIN/actionlint"
  say "actionlint $ACTIONLINT_VERSION: cached ($DIR)"
  exit 0
fi

command -v go >/dev/null 2>&1 || fail "Go is not installed; actionlint is built from the Go module proxy" \
  "go version" "install Go 1.25 or newer (https://go.dev/dl/) and put it on PATH, then run this script again"

say "actionlint $ACTIONLINT_VERSION: building from source with Go (later runs use $DIR)"
TMP="$DIR.partial.$$"
rm -rf "$TMP" && mkdir -p "$TMP"
started=$SECONDS
if ! GOBIN="$TMP" go install -trimpath -ldflags="-s -w" "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" >"$TMP/build.log" 2>&1; then
  tail -n 30 "$TMP/build.log" >&2 || true
  fail "building actionlint $ACTIONLINT_VERSION failed (full log: $TMP/build.log)" \
    "GOBIN=<dir> go install github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" \
    "check that the Go module proxy is reachable (GOPROXY=$(go env GOPROXY)), then run this script again"
fi
rm -rf "$DIR" && mv "$TMP" "$DIR"
ln -sfn "$DIR/actionlint" "$BIN/actionlint"
say "actionlint $ACTIONLINT_VERSION: built in $((SECONDS - started))s"
