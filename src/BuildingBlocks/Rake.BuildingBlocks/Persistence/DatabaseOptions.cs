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

    /// <summary>SQLite only: how long a writer waits for another writer's lock before the database answers busy.</summary>
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 5000;
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
                builder.AddInterceptors(SqliteUnicodeCase.Instance);
                if (options.SqliteBusyTimeoutMilliseconds > 0)
                {
                    builder.AddInterceptors(new SqliteBusyTimeout(options.SqliteBusyTimeoutMilliseconds));
                }
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
        builder.AddInterceptors(OutboxCommitSignal.Instance);
        return builder;
    }
}
