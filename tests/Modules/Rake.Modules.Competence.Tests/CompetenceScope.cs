using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Competence.Domain;
using Rake.Modules.Competence.Persistence;

namespace Rake.Modules.Competence.Tests;

/// <summary>
/// The module as the Host registers it (its own AddServices), on a private in-memory SQLite database with two regions'
/// units, so validators and handlers run with their real DbContext, text catalog and mapping.
/// </summary>
public sealed class CompetenceScope : IAsyncLifetime
{
    public static readonly RegionId Kainuu = new("kainuu");
    public static readonly RegionId KeskiSuomi = new("keski-suomi");

    private readonly SqliteConnection connection;

    public CompetenceScope()
    {
        var database = $"Data Source=competence-tests-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        // The in-memory database lives as long as one connection to it is open.
        connection = new SqliteConnection(database);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = database,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddRakeBuildingBlocks(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(new TextCatalog([typeof(TextCatalog).Assembly, typeof(CompetenceModule).Assembly]));
        new CompetenceModule().AddServices(services, configuration);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public ServiceProvider Services { get; }

    /// <summary>A scope acting in <paramref name="region"/> as a person with <paramref name="roles"/>, or as the system.</summary>
    public AsyncServiceScope In(RegionId region, string? userName = null, params RegionRole[] roles)
    {
        var scope = Services.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<RequestContext>();
        if (userName is null)
        {
            actor.SetSystem(region, "tests");
        }
        else
        {
            actor.SetUser(UserId(userName), userName, roles);
        }
        actor.SetRegion(region);
        return scope;
    }

    /// <summary>The same user name always has the same id.</summary>
    public static Guid UserId(string userName) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userName)).AsSpan(0, 16));

    /// <summary>Runs <paramref name="action"/> with the catalog speaking <paramref name="language"/>.</summary>
    public static async Task<T> InLanguageAsync<T>(string language, Func<Task<T>> action)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        await using (var scope = In(Kainuu))
        {
            var db = scope.ServiceProvider.GetRequiredService<CompetenceDbContext>();
            await db.Database.EnsureCreatedAsync();
            db.Units.AddRange(
                new Unit { Id = Guid.CreateVersion7(), Code = "adults", Name = "Aikuisten sosiaalityö" },
                new Unit { Id = Guid.CreateVersion7(), Code = "elderly", Name = "Ikäihmisten palvelut" });
            await db.SaveChangesAsync();
        }
        await using (var scope = In(KeskiSuomi))
        {
            var db = scope.ServiceProvider.GetRequiredService<CompetenceDbContext>();
            db.Units.Add(new Unit { Id = Guid.CreateVersion7(), Code = "families", Name = "Perheiden palvelut" });
            await db.SaveChangesAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await connection.DisposeAsync();
    }
}
