#!/usr/bin/env bash
# Runs Rake on http://127.0.0.1:5080 with an embedded SQLite database under ./data and the three demo regions.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Database__ConnectionString="${Database__ConnectionString:-Data Source=$PWD/data/rake.db}"
exec dotnet run --project src/Host/Rake.Host --launch-profile Rake "$@"
