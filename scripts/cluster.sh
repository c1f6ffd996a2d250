#!/usr/bin/env bash
# Several Rake Hosts on one machine behind nginx, everything on 127.0.0.1 (docs/adr/0128).
#   scripts/cluster.sh start [N]    PostgreSQL (scripts/postgres.sh), N Hosts (default 3), nginx in front; waits for ready
#   scripts/cluster.sh status       each Host's /health/ready and the front's
#   scripts/cluster.sh stop         SIGTERM to each Host (they finish what is in flight), then nginx; PostgreSQL stays
#   scripts/cluster.sh kill I       kill -9 Host I (1-based), as a crash would
#   scripts/cluster.sh restart I    start Host I again (after kill or stop) and wait for it to be ready
# Settings (environment): RAKE_CLUSTER_DIR (run folder, /tmp/rake-cluster), RAKE_CLUSTER_PORT (nginx, 8080),
# RAKE_CLUSTER_HOST_PORT (first Host, 5101), RAKE_CLUSTER_ENV (Demo; Production seeds nothing), RAKE_CLUSTER_DB
# (database name, rake_cluster), RAKE_CLUSTER_BUILD=0 to reuse the last build. Anything else a Host reads
# (Rake__…, Database__…, Workflows__…) is passed through at start and kept for later restarts.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN="${RAKE_CLUSTER_DIR:-/tmp/rake-cluster}"
FRONT_PORT="${RAKE_CLUSTER_PORT:-8080}"
FIRST_PORT="${RAKE_CLUSTER_HOST_PORT:-5101}"
ENVIRONMENT="${RAKE_CLUSTER_ENV:-Demo}"
DB_NAME="${RAKE_CLUSTER_DB:-rake_cluster}"
APP="$RUN/app"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

port_of() { echo $((FIRST_PORT + $1 - 1)); }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
count() { cat "$RUN/hosts" 2>/dev/null || echo 0; }

wait_ready() {
  local url="$1" seconds="${2:-300}" i
  for ((i = 0; i < seconds * 2; i++)); do
    if curl -fs -o /dev/null --max-time 2 "$url"; then return 0; fi
    sleep 0.5
  done
  echo "Not ready after ${seconds}s: $url" >&2
  return 1
}

database() {
  local server
  server="$("$ROOT/scripts/postgres.sh" start)"
  echo "${server/Database=postgres/Database=$DB_NAME}"
}

start_host() {
  local i="$1" port
  port="$(port_of "$i")"
  if alive "$RUN/host-$i.pid"; then echo "Host $i is already running (pid $(cat "$RUN/host-$i.pid"))."; return; fi
  # Each Host: its own port and node name, one database and so one data-protection key ring (docs/adr/0093).
  (
    cd "$APP"
    # shellcheck disable=SC1091
    if [ -f "$RUN/settings" ]; then . "$RUN/settings"; fi
    ASPNETCORE_ENVIRONMENT="$ENVIRONMENT" \
    ASPNETCORE_URLS="http://127.0.0.1:$port" \
    Database__Provider=Postgres \
    Database__ConnectionString="$(cat "$RUN/connection")" \
    Workflows__NodeName="node$i" \
    Rake__WorkflowsPath="${Rake__WorkflowsPath:-$ROOT/workflows}" \
    setsid dotnet "$APP/Rake.Host.dll" >>"$RUN/host-$i.log" 2>&1 &
    echo $! >"$RUN/host-$i.pid"
  )
  echo "Host $i: pid $(cat "$RUN/host-$i.pid"), http://127.0.0.1:$port, log $RUN/host-$i.log"
}

write_nginx() {
  local n="$1" i servers=""
  for ((i = 1; i <= n; i++)); do servers="$servers    server 127.0.0.1:$(port_of "$i") max_fails=0;"$'\n'; done
  mkdir -p "$RUN/nginx-tmp"
  # Workers may run as another user when nginx starts as root: they must be able to write their buffers.
  chmod 777 "$RUN/nginx-tmp"
  cat >"$RUN/nginx.conf" <<EOF
worker_processes 1;
pid $RUN/nginx.pid;
error_log $RUN/nginx-error.log warn;
events { worker_connections 2048; }
http {
  # Which Host answered each request, and how long it took: round-robin and stickiness can be read from here.
  log_format rake '\$remote_addr [\$time_local] "\$request" \$status \$upstream_addr \$upstream_response_time';
  access_log $RUN/nginx-access.log rake;
  client_body_temp_path $RUN/nginx-tmp/body;
  proxy_temp_path $RUN/nginx-tmp/proxy;
  fastcgi_temp_path $RUN/nginx-tmp/fastcgi;
  uwsgi_temp_path $RUN/nginx-tmp/uwsgi;
  scgi_temp_path $RUN/nginx-tmp/scgi;
  client_max_body_size 20m;

  # The API: round-robin; a Host that refuses the connection is skipped for the next one. max_fails=0: a killed Host
  # refuses at once, while marking a slow but live Host down (the default) left no Host at all under load: 502s.
  upstream rake_api {
$servers    keepalive 64;
  }
  # Blazor circuits live in one Host's memory: the same browser must come back to the same Host. The sign-in
  # cookie picks it, or the client address before sign-in (every local client is 127.0.0.1, so ip_hash alone would
  # send them all to one Host).
  map \$http_cookie \$rake_affinity {
    "~rake\\.auth=(?<session>[^;]+)" \$session;
    default \$remote_addr\$http_user_agent;
  }
  upstream rake_circuits {
    hash \$rake_affinity consistent;
$servers  }
  map \$http_upgrade \$connection_upgrade {
    default upgrade;
    "" close;
  }
  server {
    listen 127.0.0.1:$FRONT_PORT;
    proxy_set_header Host \$http_host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_connect_timeout 2s;

    location /_blazor {
      proxy_pass http://rake_circuits;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 1h;
    }
    location / {
      proxy_pass http://rake_api;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
}

start_nginx() {
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || {
    echo "Installing nginx with apt-get…"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  }
  local nginx; nginx="$(command -v nginx || echo /usr/sbin/nginx)"
  "$nginx" -t -q -c "$RUN/nginx.conf" -p "$RUN" -e "$RUN/nginx-error.log"
  if alive "$RUN/nginx.pid"; then
    "$nginx" -c "$RUN/nginx.conf" -p "$RUN" -e "$RUN/nginx-error.log" -s reload
  else
    "$nginx" -c "$RUN/nginx.conf" -p "$RUN" -e "$RUN/nginx-error.log"
  fi
}

case "${1:-}" in
  start)
    n="${2:-3}"
    mkdir -p "$RUN"
    database >"$RUN/connection"
    echo "$n" >"$RUN/hosts"
    # The Host settings given at start (Rake__…, Database__…) are kept, so a Host restarted later (Rake.ClusterLoad's
    # restarts after kill -9) runs with the same ones, e.g. Rake__Benchmark__Enabled.
    export -p | grep -E '^declare -x (Rake__|Database__|Workflows__)' >"$RUN/settings" || true
    if [ "${RAKE_CLUSTER_BUILD:-1}" != 0 ] || [ ! -f "$APP/Rake.Host.dll" ]; then
      echo "Publishing the Host in Release to $APP…"
      dotnet publish "$ROOT/src/Host/Rake.Host/Rake.Host.csproj" -c Release -o "$APP" -nologo -clp:ErrorsOnly >"$RUN/publish.log"
    fi
    # All at once: the startup lock (docs/adr/0126) lets one migrate and seed while the others wait.
    for ((i = 1; i <= n; i++)); do start_host "$i"; done
    for ((i = 1; i <= n; i++)); do wait_ready "http://127.0.0.1:$(port_of "$i")/health/ready"; done
    write_nginx "$n"
    start_nginx
    wait_ready "http://127.0.0.1:$FRONT_PORT/health/ready" 30
    echo "Ready: http://127.0.0.1:$FRONT_PORT ($n Hosts, $ENVIRONMENT, database $DB_NAME; run folder $RUN)"
    ;;
  status)
    n="$(count)"
    for ((i = 1; i <= n; i++)); do
      state="stopped"
      if alive "$RUN/host-$i.pid"; then
        state="pid $(cat "$RUN/host-$i.pid"), $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
          "http://127.0.0.1:$(port_of "$i")/health/ready" || true)"
      fi
      echo "host $i :$(port_of "$i")  $state"
    done
    if alive "$RUN/nginx.pid"; then
      echo "nginx :$FRONT_PORT  $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$FRONT_PORT/health/ready" || true)"
    else
      echo "nginx :$FRONT_PORT  stopped"
    fi
    ;;
  stop)
    n="$(count)"
    for ((i = 1; i <= n; i++)); do
      if alive "$RUN/host-$i.pid"; then kill -TERM "$(cat "$RUN/host-$i.pid")"; fi
    done
    # The Hosts' shutdown timeout (Rake:ShutdownTimeoutSeconds, 30 s) bounds the wait; a little more for the process exit.
    for ((i = 1; i <= n; i++)); do
      for ((t = 0; t < 70; t++)); do alive "$RUN/host-$i.pid" || break; sleep 0.5; done
      if alive "$RUN/host-$i.pid"; then echo "Host $i did not stop; kill -9." >&2; kill -9 "$(cat "$RUN/host-$i.pid")"; fi
      rm -f "$RUN/host-$i.pid"
    done
    if alive "$RUN/nginx.pid"; then
      nginx="$(command -v nginx || echo /usr/sbin/nginx)"
      "$nginx" -c "$RUN/nginx.conf" -p "$RUN" -e "$RUN/nginx-error.log" -s quit
    fi
    echo "Stopped $n Hosts and nginx (PostgreSQL keeps running: scripts/postgres.sh stop)."
    ;;
  kill)
    i="${2:?which Host}"
    if alive "$RUN/host-$i.pid"; then kill -9 "$(cat "$RUN/host-$i.pid")"; echo "Host $i killed."; fi
    rm -f "$RUN/host-$i.pid"
    ;;
  restart)
    i="${2:?which Host}"
    start_host "$i"
    wait_ready "http://127.0.0.1:$(port_of "$i")/health/ready"
    ;;
  *)
    sed -n '2,11p' "$0" >&2
    exit 2
    ;;
esac
