using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rake.BuildingBlocks.Persistence;

/// <summary>Applies a context's generated migrations, first taking over a database built by its hand-written ones.</summary>
public static class RakeMigrator
{
    public static async Task MigrateAsync(DbContext context, CancellationToken cancellationToken)
    {
        await AdoptHandWrittenHistoryAsync(context, cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>The generated migration that recreates what the hand-written ones built: the context's first.</summary>
    public static string? BaselineId(DbContext context) => context.GetService<IMigrationsAssembly>().Migrations.Keys.FirstOrDefault();

    /// <summary>
    /// On a database whose history holds every hand-written migration of the context, records the generated baseline as
    /// applied (its tables are there already). A database that stopped part way through the hand-written ones is refused:
    /// what it lacks is not in any generated migration.
    /// </summary>
    public static async Task<bool> AdoptHandWrittenHistoryAsync(DbContext context, CancellationToken cancellationToken)
    {
        var handWritten = context.GetType().Assembly.GetCustomAttributes<HandWrittenMigrationsAttribute>()
            .SingleOrDefault(a => a.ContextType == context.GetType());
        var baseline = BaselineId(context);
        var history = context.GetService<IHistoryRepository>();
        if (handWritten is null || baseline is null || !await history.ExistsAsync(cancellationToken))
        {
            return false;
        }
        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(r => r.MigrationId).ToHashSet();
        var done = handWritten.MigrationIds.Where(applied.Contains).ToList();
        if (applied.Contains(baseline) || done.Count == 0)
        {
            return false;
        }
        if (done.Count != handWritten.MigrationIds.Count)
        {
            throw new InvalidOperationException(
                $"The database has only some of the hand-written migrations of {context.GetType().Name} ({string.Join(", ", done)}); " +
                $"it lacks {string.Join(", ", handWritten.MigrationIds.Except(done))}. Start it once with a Rake release from before " +
                "the generated migrations (docs/adr/0003), then with this one.");
        }
        try
        {
            await context.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())),
                cancellationToken);
        }
        catch (DbException)
        {
            // Another node starting at the same moment may have recorded it first; anything else is a real failure.
            if (!(await history.GetAppliedMigrationsAsync(cancellationToken)).Any(r => r.MigrationId == baseline))
            {
                throw;
            }
        }
        return true;
    }
}
