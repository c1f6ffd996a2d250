#!/usr/bin/env bash
# EF Core migrations of every context, one generated set per provider (docs/adr/0003). Uses the dotnet-ef tool pinned
# in .config/dotnet-tools.json and the Host as start-up project; the provider is chosen by Database__Provider.
#
#   scripts/migrations.sh add NAME [CONTEXT...]   add migration NAME for SQLite and PostgreSQL (default: every context)
#   scripts/migrations.sh list                    the migrations of every context, per provider
#   scripts/migrations.sh script OUT_DIR          PostgreSQL SQL per context, idempotent, for a DBA to run before a deploy
#   scripts/migrations.sh bundle OUT_DIR [sqlite|postgres]
#                                                 one self-contained migration executable per context
#                                                 (run each: OUT_DIR/efbundle-CONTEXT --connection "...")
# CONTEXT is Platform, Reporting, WorkingGroup, Communications, Competence, Planning or Workflows.
set -euo pipefail
cd "$(dirname "$0")/.."
STARTUP=src/Host/Rake.Host
ALL=(Platform Reporting WorkingGroup Communications Competence Planning Workflows)

project_of() { if [ "$1" = Platform ]; then echo "$STARTUP"; else echo "src/Modules/$1/Rake.Modules.$1"; fi; }
folder_of() { if [ "$1" = Platform ]; then echo Platform/Migrations; else echo Persistence/Migrations; fi; }
namespace_of() { if [ "$1" = Platform ]; then echo Rake.Host.Platform.Migrations; else echo "Rake.Modules.$1.Persistence.Migrations"; fi; }

# The tools build nothing themselves (--no-build): one build of the Host covers every context.
ef() {
  local provider=$1; shift
  local connection="Data Source=obj/design-time.db"
  [ "$provider" = Postgres ] && connection="Host=127.0.0.1;Database=rake_design_time"
  Database__Provider=$provider Database__ConnectionString="$connection" \
    dotnet ef "$@" --startup-project "$STARTUP" --configuration Release --no-build
}

build() { [ -n "${RAKE_EF_SKIP_BUILD:-}" ] || dotnet build "$STARTUP" -c Release -nologo -clp:ErrorsOnly; }

# Both providers' snapshots of a context share a class name, and `migrations add` rewrites the first file of that name it
# finds in the project: the other provider's is hidden meanwhile, and a new snapshot is kept beside its migrations.
add_one() {
  local context=$1 provider=$2 name=$3 project dir hidden=() rc=0
  project=$(project_of "$context"); dir="$project/$(folder_of "$context")/$provider"
  local snapshot="${context}DbContextModelSnapshot.cs"
  while IFS= read -r f; do mv "$f" "$f.hidden"; hidden+=("$f"); done \
    < <(find "$project" -name "$snapshot" -not -path "$dir/*" -not -path "*/obj/*" -not -path "*/bin/*")
  ef "$provider" migrations add "$name" --project "$project" --context "${context}DbContext" \
    --output-dir "$(folder_of "$context")/$provider" --namespace "$(namespace_of "$context").$provider" || rc=$?
  while IFS= read -r f; do mkdir -p "$dir"; mv "$f" "$dir/$snapshot"; done \
    < <(find "$project" -name "$snapshot" -not -path "$dir/*" -not -path "*/obj/*" -not -path "*/bin/*")
  find "$project" -type d -empty -delete
  for f in "${hidden[@]}"; do mv "$f.hidden" "$f"; done
  return $rc
}

dotnet tool restore >/dev/null
case "${1:-}" in
  add)
    name=${2:?usage: migrations.sh add NAME [CONTEXT...]}; shift 2
    contexts=("${@:-${ALL[@]}}"); [ $# -eq 0 ] && contexts=("${ALL[@]}")
    build
    providers=(Sqlite Postgres); [ -n "${RAKE_EF_PROVIDER:-}" ] && providers=("$RAKE_EF_PROVIDER")
    for c in "${contexts[@]}"; do for p in "${providers[@]}"; do add_one "$c" "$p" "$name"; done; done
    echo "Added $name. Rebuild, then run SchemaDriftTests, ModelSnapshotTests and HandWrittenUpgradeTests on both providers."
    ;;
  list)
    build
    for c in "${ALL[@]}"; do for p in Sqlite Postgres; do
      echo "== $c ($p)"; ef "$p" migrations list --project "$(project_of "$c")" --context "${c}DbContext" --no-connect
    done; done
    ;;
  script)
    out=${2:?usage: migrations.sh script OUT_DIR}; mkdir -p "$out"
    build
    for c in "${ALL[@]}"; do
      schema=$(echo "$c" | tr '[:upper:]' '[:lower:]'); dir="$(project_of "$c")/$(folder_of "$c")"
      baseline=$(find "$dir/Postgres" -name '[0-9]*_*.cs' ! -name '*.Designer.cs' -printf '%f\n' | sort | head -n 1)
      baseline=${baseline%.cs}
      last=$(grep -o '"[0-9]\{14\}_[A-Za-z0-9]*"' "$dir/HandWrittenMigrations.cs" | tail -n 1 | tr -d '"')
      # What the Host does at start (docs/adr/0003): a database of the hand-written migrations gets the baseline recorded.
      cat > "$out/$schema.sql" <<SQL
DO \$\$
BEGIN
  IF to_regclass('$schema."__EFMigrationsHistory"') IS NOT NULL THEN
    EXECUTE 'INSERT INTO $schema."__EFMigrationsHistory" ("MigrationId", "ProductVersion") SELECT ''$baseline'', ''10.0.15''
      WHERE EXISTS (SELECT 1 FROM $schema."__EFMigrationsHistory" WHERE "MigrationId" = ''$last'')
        AND NOT EXISTS (SELECT 1 FROM $schema."__EFMigrationsHistory" WHERE "MigrationId" = ''$baseline'')';
  END IF;
END \$\$;
SQL
      ef Postgres migrations script --idempotent --project "$(project_of "$c")" --context "${c}DbContext" --output "$out/$schema.ef.sql"
      sed '1s/^\xEF\xBB\xBF//' "$out/$schema.ef.sql" >> "$out/$schema.sql" && rm "$out/$schema.ef.sql"
    done
    echo "Wrote $out/*.sql: run platform.sql first, then the others in any order (each module has its own schema)."
    ;;
  bundle)
    out=${2:?usage: migrations.sh bundle OUT_DIR [sqlite|postgres]}; mkdir -p "$out"
    provider=Postgres; [ "${3:-postgres}" = sqlite ] && provider=Sqlite
    build
    for c in "${ALL[@]}"; do
      ef "$provider" migrations bundle --project "$(project_of "$c")" --context "${c}DbContext" \
        --force --output "$out/efbundle-$(echo "$c" | tr '[:upper:]' '[:lower:]')"
    done
    echo "Wrote $out/efbundle-*: run each with --connection \"<connection string>\", platform first."
    ;;
  *)
    sed -n '2,12p' "$0"; exit 2
    ;;
esac
