using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Mapping;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Planning.Domain;
using Rake.Modules.Planning.Persistence;
using Rake.Modules.Tests.Shared;

namespace Rake.Modules.Planning.Tests;

/// <summary>
/// Planning's validators, mapper and DbContext as the Host wires them, on an in-memory SQLite database holding a plan
/// for Kainuu (valid 2025–2026) and one for Keski-Suomi (valid 2025–2029), acting in <paramref name="region"/>.
/// </summary>
internal sealed class PlanningTestServices : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly ServiceProvider provider;

    /// <param name="database">The name of an in-memory database another instance made, to share its rows.</param>
    public PlanningTestServices(string region = "kainuu", string? database = null)
    {
        Database = database ?? $"planning-{Guid.NewGuid():N}";
        // A named, shared in-memory database lives while a connection to it is open.
        connection = new SqliteConnection($"Data Source={Database};Mode=Memory;Cache=Shared");
        connection.Open();
        var services = new ServiceCollection();
        services.AddSingleton(new TextCatalog([typeof(PlanningModule).Assembly, typeof(TextCatalog).Assembly]));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<RequestContext>();
        services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<RequestContext>());
        services.AddScoped<RequestChecks>();
        services.AddDbContext<PlanningDbContext>(o => o.UseSqlite(connection));
        services.AddModuleMapping<PlanningModule>();
        services.AddRequestValidators(typeof(PlanningModule).Assembly);
        provider = services.BuildServiceProvider();
        Scope = provider.CreateAsyncScope();
        Scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(region), "test");
    }

    public AsyncServiceScope Scope { get; }

    public string Database { get; }

    public T Get<T>() where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Creates the tables and one plan per region, each written as that region's system actor.</summary>
    public async Task SeedPlansAsync()
    {
        await Get<PlanningDbContext>().Database.EnsureCreatedAsync();
        foreach (var (region, until) in new[] { ("kainuu", 2026), ("keski-suomi", 2029) })
        {
            await using var scope = provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(region), "seed");
            var db = scope.ServiceProvider.GetRequiredService<PlanningDbContext>();
            db.Plans.Add(new Plan
            {
                Id = Guid.CreateVersion7(),
                Title = $"Plan of {region}",
                ValidFrom = new DateOnly(2025, 1, 1),
                ValidUntil = new DateOnly(until, 12, 31),
                UpdateResponsible = "RAKE",
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Validates as the endpoint filter does, in <paramref name="language"/>; null when the request passes.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>?> ErrorsAsync(object request, string language = "fi")
    {
        var errors = await Get<RequestChecks>().ErrorsInAsync(request, language);
        return errors.Count == 0 ? null : errors;
    }

    public async ValueTask DisposeAsync()
    {
        await Scope.DisposeAsync();
        await provider.DisposeAsync();
        await connection.DisposeAsync();
    }
}
