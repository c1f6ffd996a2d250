using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Benchmarks;

/// <summary>
/// A fresh, throw-away database for one measurement: a new SQLite file in the temp folder, or a new database on the
/// given PostgreSQL server. Knows the few provider differences raw SQL has to mirror (table names, Guid and instant storage).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private static readonly DateTimeOffsetToBinaryConverter SqliteInstants = new();

    private readonly bool keep;
    private readonly string? sqliteFile;
    private readonly string? postgresAdmin;
    private readonly string? postgresDatabase;

    private BenchDatabase(DatabaseProvider provider, string connectionString, string where, bool keep,
        string? sqliteFile = null, string? postgresAdmin = null, string? postgresDatabase = null)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Where = where;
        this.keep = keep;
        this.sqliteFile = sqliteFile;
        this.postgresAdmin = postgresAdmin;
        this.postgresDatabase = postgresDatabase;
    }

    public DatabaseProvider Provider { get; }

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>What the Host gets as <c>Database:ConnectionString</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>For the printout: the file or the database name.</summary>
    public string Where { get; }

    public static async Task<BenchDatabase> CreateFreshAsync(BenchOptions options, string label)
    {
        var stamp = $"{DateTime.UtcNow:yyyyMMddHHmmss}_{Guid.NewGuid().ToString("N")[..6]}";
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"rake-bench-{label}-{stamp}.db");
            return new BenchDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", $"SQLite file {file}", options.KeepDatabase, sqliteFile: file);
        }
        var admin = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        var name = $"rake_bench_{label}_{stamp}";
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }
        var fresh = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name };
        return new BenchDatabase(DatabaseProvider.Postgres, fresh.ConnectionString, $"PostgreSQL database {name} on {admin.Host}:{admin.Port}",
            options.KeepDatabase, postgresAdmin: admin.ConnectionString, postgresDatabase: name);
    }

    /// <summary>A database another benchmark process made (the workflow part's child process); never deleted here.</summary>
    public static BenchDatabase Existing(BenchOptions options) =>
        new(options.Provider, options.ConnectionString!, "existing", keep: true);

    /// <summary>Experiment (<c>--sqlite-busy-timeout</c>): set on every connection the load test opens; 0 = as the Host.</summary>
    public int SqliteBusyTimeoutMs { get; set; }

    /// <summary>Opens a connection, with the busy-timeout experiment applied when it is on.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateConnection();
        await connection.OpenAsync(cancellationToken);
        if (IsSqlite && SqliteBusyTimeoutMs > 0)
        {
            await using var pragma = Command(connection, $"PRAGMA busy_timeout = {SqliteBusyTimeoutMs}");
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }

    public DbConnection CreateConnection() =>
        IsSqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

    /// <summary>A module table as the Host names it: <c>reporting_SocialReports</c> on SQLite, <c>reporting."SocialReports"</c> on PostgreSQL.</summary>
    public string Table(string schema, string table) => IsSqlite ? $"\"{schema}_{table}\"" : $"{schema}.\"{table}\"";

    /// <summary>A Guid as EF stores it: upper-case text on SQLite, uuid on PostgreSQL.</summary>
    public object Id(Guid id) => IsSqlite ? id.ToString().ToUpperInvariant() : id;

    /// <summary>
    /// A DateTimeOffset as EF sends it: on SQLite through <see cref="DateTimeOffsetToBinaryConverter"/> (so a query bound
    /// mirrors EF exactly, offset included), on PostgreSQL as timestamptz, which only takes UTC.
    /// </summary>
    public object Instant(DateTimeOffset value) =>
        IsSqlite ? SqliteInstants.ConvertToProvider(value)! : value.ToUniversalTime();

    public DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        IsSqlite ? (DateTimeOffset)SqliteInstants.ConvertFromProvider(reader.GetInt64(ordinal))! : reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DbCommand Command(DbConnection connection, string sql, DbTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = CreateConnection();
        await connection.OpenAsync();
        await using var command = Command(connection, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Size on disk, for the printout.</summary>
    public async Task<long> SizeBytesAsync()
    {
        if (IsSqlite)
        {
            return new[] { sqliteFile!, sqliteFile + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        }
        return await ScalarAsync("SELECT pg_database_size(current_database())");
    }

    public async ValueTask DisposeAsync()
    {
        if (keep)
        {
            Console.WriteLine($"  (kept: {Where})");
            return;
        }
        try
        {
            if (IsSqlite)
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { sqliteFile!, sqliteFile + "-wal", sqliteFile + "-shm" }.Where(File.Exists))
                {
                    File.Delete(file);
                }
            }
            else
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(postgresAdmin);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{postgresDatabase}\" WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException)
        {
            Console.WriteLine($"  (could not remove {Where}: {ex.Message})");
        }
    }
}
