using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Rake.BuildingBlocks.Persistence;

namespace Rake.BuildingBlocks.Messaging;

/// <summary>
/// Claims a batch of a module's pending outbox messages for one dispatcher (docs/adr/0124). One statement on both
/// databases: an UPDATE that sets the lease on the oldest pending messages whose lease is free or has run out, and returns
/// them. On PostgreSQL the inner SELECT takes its rows <c>FOR UPDATE SKIP LOCKED</c>, so two dispatchers claiming at once
/// get different messages instead of waiting for each other; SQLite runs one writer at a time, so the UPDATE alone is
/// enough there. The repeated lease test in the outer WHERE keeps a row that another claim took in the meantime.
/// </summary>
internal static class OutboxClaim
{
    public static async Task<List<OutboxMessage>> ClaimAsync(ModuleDbContext db, string dispatcherId, DateTimeOffset now,
        TimeSpan lease, int batchSize, CancellationToken cancellationToken)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var table = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $$"""
            UPDATE {{table}} SET "ClaimedBy" = {0}, "LeaseUntil" = {1}
            WHERE ("LeaseUntil" IS NULL OR "LeaseUntil" < {2}) AND "Id" IN (
                SELECT "Id" FROM {{table}}
                WHERE "ProcessedAt" IS NULL AND "Attempts" < {3} AND ("LeaseUntil" IS NULL OR "LeaseUntil" < {2})
                ORDER BY "OccurredAt" LIMIT {4} {{skipLocked}})
            RETURNING *
            """;
        var claimed = await db.OutboxMessages
            .FromSqlRaw(sql, dispatcherId, Stored(db, nameof(OutboxMessage.LeaseUntil), now + lease),
                Stored(db, nameof(OutboxMessage.LeaseUntil), now), OutboxDispatcher.MaxAttempts, batchSize)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return claimed.OrderBy(m => m.OccurredAt).ToList();
    }

    /// <summary>An instant as the column stores it: as is on PostgreSQL, a sortable integer on SQLite (SqliteNaming).</summary>
    private static object Stored(ModuleDbContext db, string property, DateTimeOffset value)
    {
        var column = db.Model.FindEntityType(typeof(OutboxMessage))!.FindProperty(property)!;
        var converter = column.GetValueConverter() ?? column.GetTypeMapping().Converter;
        return converter?.ConvertToProvider(value) ?? value;
    }
}
