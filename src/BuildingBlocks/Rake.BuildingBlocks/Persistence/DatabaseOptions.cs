using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rake.BuildingBlocks.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section: SQLite by default, PostgreSQL by configuration.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "Data Source=data/rake.db";
}

public static class DatabaseOptionsExtensions
{
    /// <summary>
    /// Points a context at the configured database. Each schema keeps its own migrations history table, so
    /// modules migrate independently even on SQLite, where every module shares one file.
    /// </summary>
    public static DbContextOptionsBuilder UseRakeDatabase(this DbContextOptionsBuilder builder, DatabaseOptions options, string schema)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(options.ConnectionString, sqlite => sqlite.MigrationsHistoryTable($"{schema}___EFMigrationsHistory"));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", schema));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{options.Provider}'. Use Sqlite or Postgres.");
        }
        // One generated migration set per provider, chosen here (docs/adr/0003). EF's pending-model-changes warning stays
        // on: migrating a context whose model differs from its provider's snapshot throws.
        builder.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        return builder;
    }
}
