#!/usr/bin/env bash
# Scaling through the cluster's nginx (docs/adr/0155): for 1, 2 and 3 Hosts (or HOSTS="…"), scripts/cluster.sh starts
# that many Hosts with the benchmark switch on (Rake__Benchmark__Enabled=true: the bare-insert endpoint), then
# Rake.ClusterLoad sends CLIENTS clients (32) for SECONDS (30) to the submissions, then to the bare insert, and the
# table below collects req/s, p50 and p99 of each with the machine's load average when the run ended.
#   scripts/cluster-scaling.sh            HOSTS="1 2 3" CLIENTS=32 SECONDS_EACH=30
# The cluster is left running with the last Host count; scripts/cluster.sh stop ends it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOST_COUNTS="${HOSTS:-1 2 3}"
CLIENTS="${CLIENTS:-32}"
SECONDS_EACH="${SECONDS_EACH:-30}"
export Rake__Benchmark__Enabled=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build "$ROOT/benchmarks/Rake.ClusterLoad/Rake.ClusterLoad.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
load() { dotnet "$ROOT/benchmarks/Rake.ClusterLoad/bin/Release/net10.0/Rake.ClusterLoad.dll" "$@"; }

rows=()
build=1
for n in $HOST_COUNTS; do
  "$ROOT/scripts/cluster.sh" stop >/dev/null 2>&1 || true
  RAKE_CLUSTER_BUILD=$build "$ROOT/scripts/cluster.sh" start "$n"
  build=0
  for target in submit bare; do
    out="$(load --url "http://127.0.0.1:${RAKE_CLUSTER_PORT:-8080}" --clients "$CLIENTS" --seconds "$SECONDS_EACH" \
      --hosts "$n" --target "$target" --tick-seconds 0 --outbox-wait 60 | tee /dev/stderr | grep '^RESULT' || true)"
    rows+=("$n|$target|$out|$(uptime | sed 's/.*load average: //')")
  done
done

printf '\n| Hosts | Target | req/s | p50 ms | p99 ms | errors %% | load average (1, 5, 15 min) |\n|---|---|---|---|---|---|---|\n'
for row in "${rows[@]}"; do
  IFS='|' read -r n target result uptime <<<"$row"
  value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $result"; }
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$target" "$(value rps)" "$(value p50)" "$(value p99)" "$(value errors)" "$uptime"
done
