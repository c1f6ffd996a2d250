using Microsoft.Data.Sqlite;
using Npgsql;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Host.Platform;

/// <summary>
/// One Host at a time migrates and seeds a database (docs/adr/0126). PostgreSQL: a session advisory lock on the database
/// itself; SQLite: an exclusive lock on a file beside the database. Both vanish with the process that holds them, so a
/// Host killed while migrating never leaves the next one waiting for ever.
/// </summary>
internal static class StartupLock
{
    // Any fixed 64-bit number works; this one spells "RAKEMIGR" so it is recognisable in pg_locks.
    public const long PostgresKey = 0x52414B454D494752;

    private static readonly TimeSpan FileRetry = TimeSpan.FromMilliseconds(200);

    public static Task<IAsyncDisposable> AcquireAsync(DatabaseOptions options, ILogger logger, CancellationToken cancellationToken) =>
        options.Provider == DatabaseProvider.Postgres
            ? AcquirePostgresAsync(options.ConnectionString, logger, cancellationToken)
            : AcquireSqliteAsync(options.ConnectionString, logger, cancellationToken);

    /// <summary>The lock file of a SQLite database, or null for an in-memory one (no other process can see it).</summary>
    public static string? SqliteLockPath(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return null;
        }
        return Path.GetFullPath(builder.DataSource) + ".startup-lock";
    }

    private static async Task<IAsyncDisposable> AcquireSqliteAsync(string connectionString, ILogger logger,
        CancellationToken cancellationToken)
    {
        var path = SqliteLockPath(connectionString);
        if (path is null)
        {
            return new Released();
        }
        var waited = false;
        while (true)
        {
            try
            {
                // FileShare.None is an flock(LOCK_EX) on Linux: it conflicts across processes and within one, and the kernel
                // drops it when the process dies.
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                if (waited)
                {
                    logger.LogInformation("Startup lock {Path} taken after waiting for another Host.", path);
                }
                return new HeldFile(file);
            }
            catch (IOException)
            {
                if (!waited)
                {
                    logger.LogInformation("Another Host is migrating the database; waiting for {Path}.", path);
                    waited = true;
                }
                await Task.Delay(FileRetry, cancellationToken);
            }
        }
    }

    private static async Task<IAsyncDisposable> AcquirePostgresAsync(string connectionString, ILogger logger,
        CancellationToken cancellationToken)
    {
        await EnsurePostgresDatabaseAsync(connectionString, cancellationToken);
        // A connection of its own, outside the pool's reuse: the lock belongs to this session until it is closed.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
            {
                tryLock.Parameters.AddWithValue("key", PostgresKey);
                if ((bool)(await tryLock.ExecuteScalarAsync(cancellationToken))!)
                {
                    return new HeldSession(connection);
                }
            }
            logger.LogInformation("Another Host is migrating database {Database}; waiting for its advisory lock.", builder.Database);
            await using (var wait = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = 0 })
            {
                wait.Parameters.AddWithValue("key", PostgresKey);
                await wait.ExecuteNonQueryAsync(cancellationToken);
            }
            logger.LogInformation("Advisory lock on {Database} taken after waiting for another Host.", builder.Database);
            return new HeldSession(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Advisory locks belong to one database, so the database must exist before it can be locked: two Hosts that both
    /// find it missing both try to create it, and the loser's "already exists" is the expected answer.
    /// </summary>
    private static async Task EnsurePostgresDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(target.Database))
        {
            return;
        }
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", target.Database);
            if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            {
                return;
            }
        }
        var quoted = "\"" + target.Database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Created by the other Host a moment ago.
        }
    }

    private sealed class Released : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class HeldFile(FileStream file) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => file.DisposeAsync();
    }

    private sealed class HeldSession(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                unlock.Parameters.AddWithValue("key", PostgresKey);
                await unlock.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session releases the lock as well, should the unlock itself have failed.
                await connection.DisposeAsync();
            }
        }
    }
}
