#!/usr/bin/env bash
# Installs what the tests need from Debian's packages: Chromium (browser tests), PostgreSQL (the second database run)
# and Node.js with npm (the Host's build installs the pinned Elsa Studio bundle from npm,
# docs/adr/0010-elsa-studio-designer.md; the sign-on tests run a real OpenID provider under node, tests/idp).
# The e-mail tests run their SMTP server in-process (docs/adr/0080).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The test OpenID provider (npm oidc-provider, pinned by tests/idp/package-lock.json; docs/adr/0098).
(cd "$(dirname "$0")/../tests/idp" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
