using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Persistence;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>
/// The schema the generated migrations build (docs/adr/0003) must equal the schema EF derives from the model — tables,
/// columns, types, nullability, keys, indexes and foreign keys. It catches a hand-edited migration the snapshot check cannot.
/// Quartz's own tables (<c>qrtz_*</c>) are created by Quartz itself (docs/adr/0009) and left out.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class SchemaDriftTests(SharedHost shared)
{
    [Fact]
    public async Task Migrations_build_exactly_the_schema_of_the_model()
    {
        var host = shared.Host;
        var contextTypes = host.Services.GetServices<MigratableContext>()
            .Select(c => c.DbContextType)
            .Prepend(typeof(PlatformDbContext))
            .ToList();
        var fromModel = host.IsPostgres
            ? new NpgsqlConnectionStringBuilder(host.ConnectionString) { Database = $"rake_drift_{Guid.NewGuid():N}" }.ConnectionString
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"rake-drift-{Guid.NewGuid():N}.db")}";

        await using var scope = host.Services.CreateAsyncScope();
        var first = true;
        foreach (var type in contextTypes)
        {
            var migrated = (DbContext)scope.ServiceProvider.GetRequiredService(type);
            var schema = migrated is ModuleDbContext module ? module.Schema : PlatformDbContext.SchemaName;
            var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
            builder.UseRakeDatabase(new DatabaseOptions
            {
                Provider = host.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
                ConnectionString = fromModel
            }, schema);
            await using var modelOnly = (DbContext)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type, builder.Options);
            var creator = modelOnly.GetService<IRelationalDatabaseCreator>();
            if (first && host.IsPostgres)
            {
                await creator.CreateAsync();
            }
            first = false;
            await creator.CreateTablesAsync();
        }

        var migratedSchema = await DescribeAsync(host.IsPostgres, host.ConnectionString);
        var modelSchema = await DescribeAsync(host.IsPostgres, fromModel);
        Assert.NotEmpty(modelSchema);
        Assert.Equal(modelSchema.Except(migratedSchema).Order(), Array.Empty<string>());
        Assert.Equal(migratedSchema.Except(modelSchema).Order(), Array.Empty<string>());
    }

    internal static async Task<HashSet<string>> DescribeAsync(bool postgres, string connectionString)
    {
        await using DbConnection connection =
            postgres ? new NpgsqlConnection(connectionString) : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await connection.OpenAsync();
        var facts = new HashSet<string>();
        if (postgres)
        {
            await ReadAsync(connection, facts, """
                SELECT 'column ' || table_schema || '.' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
                    || ' ' || coalesce(character_maximum_length::text, '')
                FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
                    AND table_name <> '__EFMigrationsHistory' AND table_name NOT LIKE 'qrtz\_%'
                """);
            await ReadAsync(connection, facts, """
                SELECT 'index ' || schemaname || '.' || indexdef FROM pg_indexes
                WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
                    AND tablename <> '__EFMigrationsHistory' AND tablename NOT LIKE 'qrtz\_%'
                """);
            await ReadAsync(connection, facts, """
                SELECT 'constraint ' || n.nspname || '.' || c.conname || ' ' || pg_get_constraintdef(c.oid)
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.conname NOT LIKE 'PK___EFMigrationsHistory%'
                  AND NOT EXISTS (SELECT 1 FROM pg_class t WHERE t.oid = c.conrelid AND t.relname LIKE 'qrtz\_%')
                """);
        }
        else
        {
            var tables = new HashSet<string>();
            await ReadAsync(connection, tables,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%EFMigrations%' AND " +
                "name NOT LIKE '%qrtz%'");
            foreach (var table in tables)
            {
                await ReadAsync(connection, facts,
                    $"SELECT 'column {table}.' || name || ' ' || type || ' ' || \"notnull\" || ' pk' || pk FROM " +
                    $"pragma_table_info('{table}')");
                await ReadAsync(connection, facts,
                    $"SELECT 'index {table}.' || il.name || ' unique' || il.\"unique\" || ' ' || (SELECT group_concat(name) FROM " +
                    $"pragma_index_info(il.name)) FROM pragma_index_list('{table}') il");
                await ReadAsync(connection, facts,
                    $"SELECT 'fk {table}.' || \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' ' || on_delete FROM " +
                    $"pragma_foreign_key_list('{table}')");
            }
        }
        return facts;
    }

    private static async Task ReadAsync(DbConnection connection, HashSet<string> into, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            into.Add(reader.GetString(0));
        }
    }
}
