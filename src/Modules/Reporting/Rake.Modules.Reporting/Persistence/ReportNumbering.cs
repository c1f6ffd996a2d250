using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Rake.BuildingBlocks.Persistence;
using Rake.Modules.Reporting.Domain;

namespace Rake.Modules.Reporting.Persistence;

/// <summary>
/// Writes reports with numbers from the region's counter row (docs/adr/0123). The counter is incremented by one
/// <c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c> in the same transaction as the reports: on PostgreSQL the row lock
/// orders a region's writers only from that statement to their commit, on SQLite the transaction holds the write lock
/// anyway; a transaction that fails rolls its numbers back with it, so numbers have no gaps.
/// </summary>
internal static class ReportNumbering
{
    public const int MaxAttempts = 10;

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ReportNumberCounter>(b =>
        {
            b.ToTable("ReportNumberCounters");
            b.HasKey(c => c.RegionCode);
        });

    /// <summary>
    /// In one transaction: takes <paramref name="count"/> numbers, lets <paramref name="stage"/> add the rows that carry
    /// them (it gets the first), saves and commits. A busy database, a deadlock or serialization failure, or a number
    /// taken around the counter starts the whole unit again, with the tracked changes and queued events forgotten.
    /// </summary>
    public static async Task SaveNumberedAsync(this ReportingDbContext db, int count, Action<int> stage, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var last = await TakeNumbersAsync(db, count, ct);
                stage(last - count + 1);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && DatabaseErrors.IsRetryable(ex))
            {
                db.ChangeTracker.Clear();
                db.DiscardPendingEvents();
                await Task.Delay(DatabaseErrors.Backoff(attempt), ct);
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> to the region's counter and returns its new value. The counter is created on first
    /// use, and never falls below the highest stored number: reports written before the counter existed (or around it)
    /// keep their numbers, and the next one follows them.
    /// </summary>
    private static async Task<int> TakeNumbersAsync(ReportingDbContext db, int count, CancellationToken ct)
    {
        var region = db.CurrentRegionCode ?? throw new InvalidOperationException("Report numbers need a region.");
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = Sql(db);
        Add(command, "@region", region);
        Add(command, "@count", count);
        var last = await command.ExecuteScalarAsync(ct);
        return Convert.ToInt32(last, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Sql(ReportingDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        string Table<T>()
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            return sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        }
        // PostgreSQL's GREATEST is SQLite's two-argument MAX; the rest of the statement is the same on both.
        var greatest = db.Database.IsSqlite() ? "MAX" : "GREATEST";
        return $"""
            INSERT INTO {Table<ReportNumberCounter>()} AS c ("RegionCode", "LastNumber")
            SELECT @region, COALESCE(MAX(r."Number"), 0) + @count FROM {Table<SocialReport>()} AS r WHERE r."RegionCode" = @region
            ON CONFLICT ("RegionCode") DO UPDATE SET "LastNumber" = {greatest}(c."LastNumber" + @count, excluded."LastNumber")
            RETURNING "LastNumber"
            """;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
