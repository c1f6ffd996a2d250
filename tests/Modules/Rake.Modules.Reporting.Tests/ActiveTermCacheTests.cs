using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Tests;

/// <summary>
/// The per-region cache of active taxonomy terms that submissions check (docs/adr/0193): each region reads only its own, a
/// change saved on this Host is seen by the next read, and a change made around EF is seen once the entry's lifetime ends.
/// </summary>
public sealed class ActiveTermCacheTests : IAsyncLifetime
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
    private ServiceProvider services = default!;

    [Fact]
    public async Task Each_region_gets_its_own_terms_also_when_the_other_region_is_cached()
    {
        await AddTermAsync("kainuu", TermKind.Category, "housing");
        await AddTermAsync("kymenlaakso", TermKind.Category, "income");

        Assert.Equal(["housing"], await CodesAsync("kainuu"));
        Assert.Equal(["income"], await CodesAsync("kymenlaakso"));
        Assert.Equal(["housing"], await CodesAsync("kainuu"));
        Assert.Empty(await CodesAsync("keski-suomi"));
    }

    [Fact]
    public async Task A_term_added_or_deactivated_through_the_context_is_seen_at_the_next_read()
    {
        await AddTermAsync("kainuu", TermKind.Category, "housing");
        Assert.Equal(["housing"], await CodesAsync("kainuu"));
        Assert.Empty(await CodesAsync("kymenlaakso"));

        await AddTermAsync("kainuu", TermKind.ServiceArea, "adults");
        Assert.Equal(["adults", "housing"], await CodesAsync("kainuu"));

        await using (var scope = Scope("kainuu"))
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            (await db.Terms.SingleAsync(t => t.Code == "housing")).Active = false;
            await db.SaveChangesAsync();
        }
        Assert.Equal(["adults"], await CodesAsync("kainuu"));
        Assert.Empty(await CodesAsync("kymenlaakso"));
    }

    [Fact]
    public async Task A_change_made_around_this_host_is_seen_once_the_lifetime_has_passed()
    {
        await AddTermAsync("kainuu", TermKind.Category, "housing");
        Assert.Equal(["housing"], await CodesAsync("kainuu"));

        // As another Host would: straight to the table, past this Host's context.
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE \"reporting_TaxonomyTerms\" SET \"Active\" = 0";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        Assert.Equal(["housing"], await CodesAsync("kainuu"));
        clock.Advance(ActiveTermCache.Lifetime - TimeSpan.FromMilliseconds(1));
        Assert.Equal(["housing"], await CodesAsync("kainuu"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Empty(await CodesAsync("kainuu"));
    }

    [Fact]
    public async Task A_load_that_overlapped_a_change_is_not_kept()
    {
        await AddTermAsync("kainuu", TermKind.Category, "housing");
        var cache = services.GetRequiredService<ActiveTermCache>();
        var interceptor = new ChangeDuringRead(() => cache.Invalidate("kainuu"));
        await using (var reader = Scope("kainuu"))
        {
            var options = new DbContextOptionsBuilder<ReportingDbContext>().UseSqlite(connection).AddInterceptors(interceptor).Options;
            var racing = new ReportingDbContext(options, reader.ServiceProvider.GetRequiredService<IRequestContext>(), clock,
                new OutboxSignal(), cache);
            Assert.Equal(["housing"], (await cache.ActiveTermsAsync(racing, default)).Select(t => t.Code));
        }
        Assert.Equal(1, interceptor.Calls);

        // Had it been kept, this direct change would stay unseen for the lifetime.
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE \"reporting_TaxonomyTerms\" SET \"Active\" = 0";
            await command.ExecuteNonQueryAsync();
        }
        Assert.Empty(await CodesAsync("kainuu"));
    }

    public Task InitializeAsync()
    {
        connection.Open();
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<OutboxSignal>();
        collection.AddSingleton<ActiveTermCache>();
        collection.AddScoped<RequestContext>();
        collection.AddScoped<IRequestContext>(s => s.GetRequiredService<RequestContext>());
        collection.AddDbContext<ReportingDbContext>(o => o.UseSqlite(connection));
        services = collection.BuildServiceProvider();
        using var scope = Scope("kainuu");
        return scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connection.DisposeAsync();
    }

    private async Task<string[]> CodesAsync(string region)
    {
        await using var scope = Scope(region);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var terms = await services.GetRequiredService<ActiveTermCache>().ActiveTermsAsync(db, default);
        return terms.Select(t => t.Code).Order(StringComparer.Ordinal).ToArray();
    }

    private async Task AddTermAsync(string region, TermKind kind, string code)
    {
        await using var scope = Scope(region);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        db.Terms.Add(new TaxonomyTerm { Id = Guid.NewGuid(), Kind = kind, Code = code, NameFi = code });
        await db.SaveChangesAsync();
    }

    private AsyncServiceScope Scope(string region)
    {
        var scope = services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<RequestContext>();
        actor.SetRegion(new RegionId(region));
        actor.SetUser(Guid.NewGuid(), $"{region}-regionadmin", [RegionRole.RegionAdmin]);
        return scope;
    }

    /// <summary>Runs a change (as another request's save would) while the cache's read is under way.</summary>
    private sealed class ChangeDuringRead(Action change) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public int Calls { get; private set; }

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            Calls++;
            change();
            return ValueTask.FromResult(result);
        }
    }
}
