using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Persistence;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>
/// A database built by the hand-written migrations and holding data (the fixture, Migrations/README.md) upgrades in place
/// to the generated migrations: every row is kept, the schema equals that of a database the generated migrations built,
/// and each context's generated baseline is recorded rather than run.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class HandWrittenUpgradeTests(SharedHost shared)
{
    [Fact]
    public async Task A_database_of_the_hand_written_migrations_upgrades_with_its_rows()
    {
        var connectionString = await RestoreFixtureAsync();
        try
        {
            var (before, columns) = await RowsAsync(connectionString);
            Assert.True(before.Values.Sum(rows => rows.Count) > 1000, "the fixture holds the demo data");
            Assert.Contains(before, t => t.Key.Contains("Members", StringComparison.Ordinal) && t.Value.Count > 0);

            await using (var app = await BuildAsync(connectionString))
            {
                await using var scope = app.Services.CreateAsyncScope();
                foreach (var context in Contexts(scope.ServiceProvider))
                {
                    var applied = (await context.Database.GetAppliedMigrationsAsync()).ToList();
                    Assert.Contains(RakeMigrator.BaselineId(context)!, applied);
                    Assert.Empty(await context.Database.GetPendingMigrationsAsync());
                }
            }

            // Columns a later migration adds are left out: the fixture's rows must read the same in the columns they had.
            var (after, _) = await RowsAsync(connectionString, columns);
            // The one deliberate rewrite (docs/adr/0102): December half-years became half-years from month 12.
            var settings = before.Keys.Single(t => t.Contains("reporting", StringComparison.Ordinal) && t.EndsWith("Settings\"",
                StringComparison.Ordinal));
            Assert.Contains("kymenlaakso|HalfYearsFromDecember", before[settings]);
            before[settings] = before[settings].Select(r => r.Replace("|HalfYearsFromDecember", "|HalfYears", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList();
            Assert.Contains("kymenlaakso|HalfYears|12", (await RowsAsync(connectionString)).Rows[settings]);
            Assert.Empty(before.Keys.Except(after.Keys));
            // A table that a later migration adds starts empty; the fixture's rows stay as they were.
            Assert.All(after.Keys.Except(before.Keys), table => Assert.Empty(after[table]));
            foreach (var (table, rows) in before)
            {
                Assert.True(rows.SequenceEqual(after[table]), $"rows of {table} changed");
            }
            var upgraded = await SchemaDriftTests.DescribeAsync(shared.Host.IsPostgres, connectionString);
            var fresh = await SchemaDriftTests.DescribeAsync(shared.Host.IsPostgres, shared.Host.ConnectionString);
            Assert.Equal(fresh.Except(upgraded).Order(), Array.Empty<string>());
            Assert.Equal(upgraded.Except(fresh).Order(), Array.Empty<string>());
        }
        finally
        {
            await DropAsync(connectionString);
        }
    }

    [Fact]
    public async Task A_database_part_way_through_the_hand_written_migrations_is_refused()
    {
        var connectionString = await RestoreFixtureAsync();
        try
        {
            var history = shared.Host.IsPostgres ? "reporting.\"__EFMigrationsHistory\"" : "\"reporting___EFMigrationsHistory\"";
            await ExecuteAsync(connectionString, $"DELETE FROM {history} WHERE \"MigrationId\" = '20261122070002_PhenomenonReports'");

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
                await (await BuildAsync(connectionString)).DisposeAsync());

            Assert.Contains("20261122070002_PhenomenonReports", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await DropAsync(connectionString);
        }
    }

    private static IEnumerable<DbContext> Contexts(IServiceProvider services) =>
        services.GetServices<MigratableContext>().Select(c => (DbContext)services.GetRequiredService(c.DbContextType))
            .Prepend(services.GetRequiredService<PlatformDbContext>());

    /// <summary>Builds the Host, which migrates at build time; it is not started, so no background work touches the rows.</summary>
    private Task<Microsoft.AspNetCore.Builder.WebApplication> BuildAsync(string connectionString) =>
        RakeHost.BuildAsync(["--environment", "Upgrade"], builder =>
        {
            builder.Configuration["Database:Provider"] = shared.Host.IsPostgres ? "Postgres" : "Sqlite";
            builder.Configuration["Database:ConnectionString"] = connectionString;
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        });

    private async Task<string> RestoreFixtureAsync()
    {
        var postgres = shared.Host.IsPostgres;
        var file = Path.Combine(AppContext.BaseDirectory, "Migrations", postgres ? "legacy-postgres.sql.gz" : "legacy-sqlite.sql.gz");
        string sql;
        await using (var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress))
        using (var reader = new StreamReader(gzip))
        {
            sql = await reader.ReadToEndAsync();
        }
        string connectionString;
        if (postgres)
        {
            var server = new NpgsqlConnectionStringBuilder(shared.Host.ConnectionString) { Pooling = false };
            var name = $"rake_upgrade_{Guid.NewGuid():N}";
            await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE {name}");
            connectionString = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(Path.GetTempPath(), $"rake-upgrade-{Guid.NewGuid():N}.db")};Pooling=False";
        }
        await ExecuteAsync(connectionString, sql);
        return connectionString;
    }

    private async Task DropAsync(string connectionString)
    {
        if (shared.Host.IsPostgres)
        {
            var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
            var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
            File.Delete(new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
    }

    private async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = Open(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 120;
        await command.ExecuteNonQueryAsync();
    }

    private DbConnection Open(string connectionString) =>
        shared.Host.IsPostgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    /// <summary>
    /// Every row of every table the contexts own (Quartz's and the history tables left out), as sorted text, with the
    /// columns read; <paramref name="only"/> limits a table to the columns given (a missing one fails the test).
    /// </summary>
    private async Task<(Dictionary<string, List<string>> Rows, Dictionary<string, string[]> Columns)> RowsAsync(
        string connectionString, IReadOnlyDictionary<string, string[]>? only = null)
    {
        await using var connection = Open(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = shared.Host.IsPostgres
                ? """
                  SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
                  WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'public')
                    AND table_name <> '__EFMigrationsHistory'
                  """
                : "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE " +
                    "'%EFMigrations%' AND name NOT LIKE '%qrtz%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var rows = new Dictionary<string, List<string>>();
        var columns = new Dictionary<string, string[]>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM {table}";
            await using var reader = await select.ExecuteReaderAsync();
            var read = only?.GetValueOrDefault(table) ?? Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var ordinals = read.Select(reader.GetOrdinal).ToArray();
            var texts = new List<string>();
            while (await reader.ReadAsync())
            {
                texts.Add(string.Join("|", ordinals.Select(i => Text(reader.GetValue(i)))));
            }
            texts.Sort(StringComparer.Ordinal);
            rows[table] = texts;
            columns[table] = read;
        }
        return (rows, columns);
    }

    private static string Text(object value) => value switch
    {
        DBNull => "∅",
        byte[] bytes => Convert.ToBase64String(bytes),
        DateTime at => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
