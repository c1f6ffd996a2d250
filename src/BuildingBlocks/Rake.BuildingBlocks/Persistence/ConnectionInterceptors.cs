using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Rake.BuildingBlocks.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock with its own short sleeps. Without it Microsoft.Data.Sqlite retries a busy
/// database every 150 ms, which under concurrent submissions turns a wait of a millisecond into 150 (docs/adr/0123).
/// The setting belongs to the native connection, which the pool keeps open, so it is set once per native handle rather
/// than on every open: a submission opens its connections about ten times (docs/adr/0189).
/// </summary>
internal sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    private static readonly ConditionalWeakTable<sqlite3, object> Set = [];
    private readonly string pragma = $"PRAGMA busy_timeout = {milliseconds}";
    private readonly object marker = milliseconds;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSet(connection))
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (IsSet(connection))
        {
            return;
        }
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    // Another setting (a second Host in the same process with its own timeout) sets its own value again.
    private bool IsSet(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && Set.TryGetValue(handle, out var value) && Equals(value, marker);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Set.AddOrUpdate(handle, marker);
        }
    }
}

/// <summary>
/// SQLite's own <c>upper</c> and <c>lower</c> change only ASCII letters, so a search that upper-cases both sides found no
/// "Mäkinen" for "mäkinen". Each connection gets both functions replaced by .NET's invariant case mapping, as PostgreSQL's
/// do under the C.UTF-8 locale; every <c>ToUpper()</c>/<c>ToLower()</c> in a query goes through them.
/// </summary>
internal sealed class SqliteUnicodeCase : DbConnectionInterceptor
{
    public static readonly SqliteUnicodeCase Instance = new();

    // Registered on the native handle, not through SqliteConnection.CreateFunction: that one removes its functions when the
    // connection goes back to the pool, which leaves the pooled handle with no upper() of one argument at all for the next
    // connection that did not register it (a plain SqliteConnection on the same file). On the handle it simply stays.
    private static readonly ConditionalWeakTable<sqlite3, object> Registered = [];
    private static readonly delegate_function_scalar Upper = (context, _, args) => Map(context, args, upper: true);
    private static readonly delegate_function_scalar Lower = (context, _, args) => Map(context, args, upper: false);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Register(connection);
        return Task.CompletedTask;
    }

    private static void Register(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || Registered.TryGetValue(handle, out _))
        {
            return;
        }
        const int flags = raw.SQLITE_UTF8 | raw.SQLITE_DETERMINISTIC;
        raw.sqlite3_create_function(handle, "upper", 1, flags, null, Upper);
        raw.sqlite3_create_function(handle, "lower", 1, flags, null, Lower);
        Registered.AddOrUpdate(handle, Instance);
    }

    private static void Map(sqlite3_context context, sqlite3_value[] args, bool upper)
    {
        if (raw.sqlite3_value_type(args[0]) == raw.SQLITE_NULL)
        {
            raw.sqlite3_result_null(context);
            return;
        }
        var text = raw.sqlite3_value_text(args[0]).utf8_to_string();
        raw.sqlite3_result_text(context, upper ? text.ToUpperInvariant() : text.ToLowerInvariant());
    }
}

/// <summary>Wakes the outbox dispatcher once an explicit transaction that wrote events has committed.</summary>
internal sealed class OutboxCommitSignal : DbTransactionInterceptor
{
    public static readonly OutboxCommitSignal Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as ModuleDbContext)?.TransactionEnded(committed: true);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as ModuleDbContext)?.TransactionEnded(committed: true);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        (eventData.Context as ModuleDbContext)?.TransactionEnded(committed: false);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        (eventData.Context as ModuleDbContext)?.TransactionEnded(committed: false);
        return Task.CompletedTask;
    }
}
