using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rake.BuildingBlocks.Persistence;

/// <summary>
/// Lets SQLite itself wait for the write lock with its own short sleeps. Without it Microsoft.Data.Sqlite retries a busy
/// database every 150 ms, which under concurrent submissions turns a wait of a millisecond into 150 (docs/adr/0123).
/// </summary>
internal sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    private readonly string pragma = $"PRAGMA busy_timeout = {milliseconds}";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
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
