using Microsoft.EntityFrameworkCore.Migrations;

namespace Rake.BuildingBlocks.Persistence;

/// <summary>
/// Table naming for hand-written migrations: on PostgreSQL a module's tables live in its schema, on SQLite
/// (no schemas) the schema becomes a prefix. Mirrors what <see cref="ModuleDbContext"/> does to the model.
/// </summary>
public static class MigrationNames
{
    public static bool IsSqlite(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";

    public static string? SchemaFor(this MigrationBuilder migrationBuilder, string schema) =>
        migrationBuilder.IsSqlite() ? null : schema;

    public static string TableFor(this MigrationBuilder migrationBuilder, string schema, string table) =>
        migrationBuilder.IsSqlite() ? $"{schema}_{table}" : table;

    /// <summary>Creates the outbox, inbox and audit tables every module has.</summary>
    public static void CreateInfrastructureTables(this MigrationBuilder mb, string schema)
    {
        var s = mb.SchemaFor(schema);
        var instant = mb.InstantColumnType();
        if (s is not null)
        {
            mb.EnsureSchema(s);
        }
        mb.CreateTable(
            name: mb.TableFor(schema, "OutboxMessages"), schema: s,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                RegionCode = t.Column<string>(maxLength: 40, nullable: false),
                EventType = t.Column<string>(maxLength: 300, nullable: false),
                Payload = t.Column<string>(nullable: false),
                OccurredAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
                ProcessedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
                Attempts = t.Column<int>(nullable: false),
                LastError = t.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: t => t.PrimaryKey($"PK_{mb.TableFor(schema, "OutboxMessages")}", x => x.Id));
        mb.CreateIndex($"IX_{mb.TableFor(schema, "OutboxMessages")}_ProcessedAt", mb.TableFor(schema, "OutboxMessages"), "ProcessedAt", s);
        mb.CreateTable(
            name: mb.TableFor(schema, "InboxRecords"), schema: s,
            columns: t => new
            {
                EventId = t.Column<Guid>(nullable: false),
                Handler = t.Column<string>(maxLength: 300, nullable: false),
                ProcessedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: t => t.PrimaryKey($"PK_{mb.TableFor(schema, "InboxRecords")}", x => new { x.EventId, x.Handler }));
        mb.CreateTable(
            name: mb.TableFor(schema, "AuditEntries"), schema: s,
            columns: t => new
            {
                Id = t.Column<Guid>(nullable: false),
                RegionCode = t.Column<string>(maxLength: 40, nullable: false),
                At = t.Column<DateTimeOffset>(type: instant, nullable: false),
                UserId = t.Column<Guid>(nullable: true),
                Actor = t.Column<string>(maxLength: 256, nullable: false),
                EntityType = t.Column<string>(maxLength: 200, nullable: false),
                EntityId = t.Column<string>(maxLength: 200, nullable: false),
                Action = t.Column<string>(maxLength: 40, nullable: false),
                ChangedProperties = t.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: t => t.PrimaryKey($"PK_{mb.TableFor(schema, "AuditEntries")}", x => x.Id));
        mb.CreateIndex($"IX_{mb.TableFor(schema, "AuditEntries")}_RegionCode_At", mb.TableFor(schema, "AuditEntries"), ["RegionCode", "At"], s);
    }
}
