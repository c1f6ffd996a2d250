using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

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
        // Migrations are written by hand (docs/adr/0003); the schema drift test compares them with the model instead.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return builder;
    }
}
