#!/usr/bin/env bash
# Installs what the tests need from Debian's packages: Chromium (browser tests), PostgreSQL (the second database run)
# and python3-aiosmtpd (the SMTP sink of the e-mail tests).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# The SMTP sink of the Communications tests (scripts/smtp-sink.py) runs on Debian's Python with aiosmtpd.
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need+=(python3-aiosmtpd)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
