#!/usr/bin/env bash
# Installs Debian's chromium, which the mermaid render test uses to prove the job
# summary's diagrams render (mermaid needs a real DOM to lay out SVG).
# Idempotent: does nothing when chromium is already on PATH.
set -euo pipefail

say() { printf '[install-browser] %s\n' "$*" >&2; }

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  command -v sudo >/dev/null 2>&1 || { say "ERROR: chromium is missing and this user cannot install packages (not root, no sudo)"; exit 1; }
  SUDO="sudo"
fi

say "installing chromium with apt-get"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
command -v chromium >/dev/null 2>&1 || { say "ERROR: apt-get finished but chromium is not on PATH"; exit 1; }
