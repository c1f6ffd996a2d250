using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Host.Platform;

namespace Rake.Host.Tests;

/// <summary>
/// EF's own check (docs/adr/0003): every context's model equals the snapshot of the migrations generated for the provider
/// this run uses, and only that provider's migrations are visible to it.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class ModelSnapshotTests(SharedHost shared)
{
    [Fact]
    public async Task Every_context_has_no_model_changes_outside_its_migrations()
    {
        await using var scope = shared.Host.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetServices<MigratableContext>()
            .Select(c => (DbContext)scope.ServiceProvider.GetRequiredService(c.DbContextType))
            .Prepend(scope.ServiceProvider.GetRequiredService<PlatformDbContext>())
            .ToList();
        Assert.Equal(7, contexts.Count);
        var folder = shared.Host.IsPostgres ? ".Migrations.Postgres" : ".Migrations.Sqlite";
        foreach (var context in contexts)
        {
            var name = context.GetType().Name;
            Assert.False(context.Database.HasPendingModelChanges(),
                $"{name}: the model has changes no migration holds; run scripts/migrations.sh add");
            var migrations = context.GetService<IMigrationsAssembly>();
            Assert.NotEmpty(migrations.Migrations);
            Assert.All(migrations.Migrations.Values, m => Assert.EndsWith(folder, m.Namespace, StringComparison.Ordinal));
            Assert.EndsWith(folder, migrations.ModelSnapshot!.GetType().Namespace, StringComparison.Ordinal);
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        }
    }
}
