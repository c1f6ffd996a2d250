using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rake.BuildingBlocks.Persistence;

/// <summary>Failures after which the same unit of work, started again from the beginning, may well succeed.</summary>
public static class DatabaseErrors
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// A busy or locked SQLite file (after its busy timeout), a serialization failure or deadlock on PostgreSQL, a dropped
    /// connection, or a unique key another writer took first.
    /// </summary>
    public static bool IsRetryable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                return sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked || IsUnique(sqlite);
            }
            if (e is PostgresException postgres)
            {
                return postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
                    || IsUnique(postgres);
            }
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A unique or primary key that another writer took first (SQLite or PostgreSQL).</summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                return IsUnique(sqlite);
            }
            if (e is PostgresException postgres)
            {
                return IsUnique(postgres);
            }
        }
        return false;
    }

    private static bool IsUnique(SqliteException sqlite) =>
        sqlite.SqliteErrorCode == SqliteConstraint
        && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey;

    private static bool IsUnique(PostgresException postgres) => postgres.SqlState == PostgresErrorCodes.UniqueViolation;

    /// <summary>A growing, random pause, so two writers that collided do not collide again in step.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10) * attempt);
}
