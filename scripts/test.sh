#!/usr/bin/env bash
# Runs every test of Rake on SQLite, then the Host tests but the browser classes again on a real PostgreSQL started here
# on 127.0.0.1 (docs/adr/0168).
# Installs what it needs (Chromium, PostgreSQL) with apt-get on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-machine.sh

export RAKE_CHROMIUM="${RAKE_CHROMIUM:-/usr/bin/chromium}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Rake.Modular.sln -c Release -nologo -clp:ErrorsOnly
echo "== House style: dotnet format --verify-no-changes (.editorconfig)"
dotnet format Rake.Modular.sln --verify-no-changes --no-restore
echo "== House style: no line over 140 characters (scripts/check-style.sh)"
scripts/check-style.sh

log="$(mktemp)"
status=0
echo "== Test run 1/2: SQLite"
# One test assembly at a time (-m:1): on two cores, parallel assemblies starve each other's timers and browsers.
dotnet test Rake.Modular.sln -c Release --no-build -nologo -m:1 2>&1 | tee -a "$log" || status=1

echo "== Test run 2/2: PostgreSQL, the Host tests (browser classes on SQLite only, but the go-live run: docs/adr/0168)"
# Only the Host tests read RAKE_TEST_POSTGRES; the module and architecture tests would repeat the SQLite pass exactly.
RAKE_TEST_POSTGRES="$(scripts/postgres.sh start)" \
  dotnet test tests/Rake.Host.Tests/Rake.Host.Tests.csproj -c Release --no-build -nologo \
    --filter "(FullyQualifiedName!~BrowserTests.)|(FullyQualifiedName~GoLiveEndToEndBrowserTests.)" 2>&1 | tee -a "$log" || status=1
scripts/postgres.sh stop

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${passed:-0}" = 0 ]; then status=1; fi
exit $status
