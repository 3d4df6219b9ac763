#!/usr/bin/env bash
# Builds a working copy of examples/aws-fleet whose root module declares
# backend "s3" and whose configuration keeps state in S3 (MinIO by default).
#   examples/aws-fleet-minio/setup.sh <target folder>
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fleet="$here/../aws-fleet"
target="${1:?usage: setup.sh <target folder>}"
mkdir -p "$target"
# The fleet itself, unchanged: root module, local module, deployments, policies.
cp -R "$fleet/main.tf" "$fleet/variables.tf" "$fleet/outputs.tf" "$fleet/modules" "$fleet/deployments" "$fleet/policy" "$target/"
# What differs: the backend block and the state store.
cp "$here/versions.tf" "$here/.tf-orchestrator.yml" "$target/"
echo "aws-fleet with S3 state in $target (edit $target/.tf-orchestrator.yml for another endpoint or bucket)"
