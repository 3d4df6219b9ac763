#!/usr/bin/env bash
# Installs the real tools tf-orchestrator runs against, built from the Go module
# proxy at pinned versions, into $HOME/.cache/tf-orchestrator/tools/<name>-<version>/
# and links them into .tools/bin/. Idempotent: a tool already built is only linked.
#
#   scripts/install-tools.sh            all tools
#   scripts/install-tools.sh tofu opa   only the ones named
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${TF_ORCHESTRATOR_TOOLS_CACHE:-$HOME/.cache/tf-orchestrator/tools}"
BIN="$ROOT/.tools/bin"

# Pinned versions. OpenTofu's pin lives in tools/opentofu/go.mod (with its replace line).
TOFU_VERSION="$(awk '$1 == "github.com/opentofu/opentofu" { print $2; exit }' "$ROOT/tools/opentofu/go.mod")"
OPA_VERSION="v1.22.2"
MINIO_VERSION="v0.0.0-20260212201848-7aac2a2c5b7c"
ACT_VERSION="v0.2.89"

say() { printf '[install-tools] %s\n' "$*" >&2; }
fail() {
  say "ERROR: $1"
  say "  command: $2"
  say "  what to do: $3"
  exit 1
}

command -v go >/dev/null 2>&1 || fail "Go is not installed; every tool is built from the Go module proxy" \
  "go version" "install Go 1.25 or newer (https://go.dev/dl/) and put it on PATH, then run this script again"

mkdir -p "$BIN" "$CACHE"

# link NAME DIR: point .tools/bin/NAME at DIR/NAME.
link() { ln -sfn "$2/$1" "$BIN/$1"; }

# build_tool NAME VERSION BUILD_FN: build once into the cache, then link.
build_tool() {
  local name="$1" version="$2" fn="$3"
  local dir="$CACHE/$name-$version"
  if [[ -x "$dir/$name" ]]; then
    link "$name" "$dir"
    say "$name $version: cached ($dir)"
    return
  fi
  say "$name $version: building from source with Go; the first build takes several minutes (later runs use $dir)"
  local tmp="$dir.partial.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  local started=$SECONDS
  if ! "$fn" "$tmp" "$version" >"$tmp/build.log" 2>&1; then
    tail -n 30 "$tmp/build.log" >&2 || true
    fail "building $name $version failed (full log: $tmp/build.log)" "$(build_command "$name" "$version")" \
      "check that the Go module proxy is reachable (GOPROXY=$(go env GOPROXY)) and that Go is new enough ($(go version)), then run this script again"
  fi
  rm -rf "$dir" && mv "$tmp" "$dir"
  link "$name" "$dir"
  say "$name $version: built in $((SECONDS - started))s"
}

build_command() {
  case "$1" in
    tofu) echo "cd tools/opentofu && go build -ldflags=\"-X github.com/opentofu/opentofu/version.dev=no\" -o <dir>/tofu github.com/opentofu/opentofu/cmd/tofu" ;;
    opa) echo "GOBIN=<dir> go install github.com/open-policy-agent/opa@$2" ;;
    minio) echo "GOBIN=<dir> go install github.com/minio/minio@$2" ;;
    act) echo "GOBIN=<dir> go install github.com/nektos/act@$2" ;;
  esac
}

build_tofu() { (cd "$ROOT/tools/opentofu" && go build -trimpath -ldflags="-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$1/tofu" github.com/opentofu/opentofu/cmd/tofu); }
go_install() { GOBIN="$1" go install -trimpath -ldflags="-s -w" "$2"; }
build_opa() { go_install "$1" "github.com/open-policy-agent/opa@$2"; }
build_minio() { go_install "$1" "github.com/minio/minio@$2"; }
build_act() { go_install "$1" "github.com/nektos/act@$2"; }

wanted=("$@")
[[ ${#wanted[@]} -gt 0 ]] || wanted=(tofu opa minio act)
for tool in "${wanted[@]}"; do
  case "$tool" in
    tofu) build_tool tofu "$TOFU_VERSION" build_tofu ;;
    opa) build_tool opa "$OPA_VERSION" build_opa ;;
    minio) build_tool minio "$MINIO_VERSION" build_minio ;;
    act) build_tool act "$ACT_VERSION" build_act ;;
    *) fail "unknown tool '$tool'" "scripts/install-tools.sh $tool" "name one of: tofu opa minio act" ;;
  esac
done

# Everything else the tests use: Debian's chromium (mermaid rendering) and actionlint.
if [[ ${#@} -eq 0 ]]; then
  bash "$ROOT/scripts/install-browser.sh"
  [[ ! -f "$ROOT/scripts/install-actionlint.sh" ]] || bash "$ROOT/scripts/install-actionlint.sh"
fi
