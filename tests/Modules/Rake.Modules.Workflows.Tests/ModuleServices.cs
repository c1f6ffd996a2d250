using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Communications;
using Rake.Modules.Competence;
using Rake.Modules.Planning;
using Rake.Modules.Reporting;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Persistence;
using Rake.Modules.WorkingGroup;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// The modules that contribute activities, registered as the Host registers them (each module's own AddServices) on a
/// private in-memory SQLite database built by the modules' migrations, with each region's demo content seeded by the
/// modules themselves. An engine given <see cref="Scope"/> runs the activities against the real use-case handlers, so a
/// test can read what they stored.
/// </summary>
internal sealed class ModuleServices : IAsyncDisposable
{
    private static readonly IModule[] Modules =
        [new ReportingModule(), new CommunicationsModule(), new PlanningModule(), new CompetenceModule(), new WorkingGroupModule()];

    private readonly SqliteConnection keepAlive;
    private readonly ServiceProvider root;

    private ModuleServices(TimeProvider clock)
    {
        var database = $"Data Source=workflow-modules-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        // A named in-memory database lives as long as one connection to it is open.
        keepAlive = new SqliteConnection(database);
        keepAlive.Open();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = database,
                // The tests count the reports they submit; the demo reports (ADR 0172) would add to every count.
                ["Reporting:DemoReports"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddRakeBuildingBlocks(configuration);
        services.AddSingleton(clock);
        services.AddSingleton(new TextCatalog([typeof(TextCatalog).Assembly, .. Modules.Select(m => m.GetType().Assembly)]));
        services.AddSingleton<IUserDirectory, DemoUsers>();
        foreach (var module in Modules)
        {
            module.AddServices(services, configuration);
        }
        root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The modules' database, migrated, with the demo content of each of <paramref name="regions"/>.</summary>
    public static async Task<ModuleServices> CreateAsync(TimeProvider clock, params string[] regions)
    {
        var services = new ModuleServices(clock);
        await using (var scope = services.root.CreateAsyncScope())
        {
            foreach (var migratable in scope.ServiceProvider.GetServices<MigratableContext>())
            {
                await RakeMigrator.MigrateAsync((DbContext)scope.ServiceProvider.GetRequiredService(migratable.DbContextType),
                    CancellationToken.None);
            }
        }
        foreach (var region in regions)
        {
            await using var scope = services.Scope(region, "demo-seed");
            var demo = new DemoRegion(region, Enum.GetValues<RegionRole>().ToDictionary(r => r, r => DemoUsers.UserName(region, r)));
            foreach (var module in Modules)
            {
                await module.SeedDemoAsync(scope.ServiceProvider, demo, CancellationToken.None);
            }
        }
        return services;
    }

    /// <summary>A scope acting as <paramref name="actor"/>, the region's system actor, as the Host's workflow timers run.</summary>
    public AsyncServiceScope Scope(string region, string actor = "workflow-timer")
    {
        var scope = root.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(new RegionId(region), actor);
        return scope;
    }

    /// <summary>Reads the region's rows of a module's DbContext in a scope of its own.</summary>
    public async Task<T> ReadAsync<TContext, T>(string region, Func<TContext, Task<T>> read) where TContext : DbContext
    {
        await using var scope = Scope(region, "test");
        return await read(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    /// <summary>Adds negative-phenomenon reports on housing to the region, received at the given moments, numbered on.</summary>
    public async Task AddReportsAsync(string region, params IEnumerable<DateTimeOffset> received)
    {
        await using var scope = Scope(region, "test");
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var number = await db.Reports.MaxAsync(r => (int?)r.Number) ?? 0;
        foreach (var at in received)
        {
            var id = Guid.NewGuid();
            number++;
            db.Reports.Add(new SocialReport
            {
                Id = id,
                Number = number,
                ReceivedAt = at,
                PhenomenonType = PhenomenonType.Negative,
                Title = $"Ilmoitus {number}",
                Description = "Kuvaus",
                Proposal = "Ehdotus",
                ServiceArea = "adults",
                Municipality = "kotka",
                TargetGroup = "adults",
                Status = ReportStatus.Received,
                Categories = [new ReportCategory { ReportId = id, Code = "housing" }],
            });
        }
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await root.DisposeAsync();
        await keepAlive.DisposeAsync();
    }

    /// <summary>The demo users the seed names: one per region and role, always with the same id.</summary>
    private sealed class DemoUsers : IUserDirectory
    {
        public static string UserName(string region, RegionRole role) => $"{region}-{role.ToString().ToLowerInvariant()}";

        private static UserRef User(string userName) =>
            new(new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(userName)).AsSpan(0, 16)),
                userName,
                userName, $"{userName}@demo.invalid");

        public Task<UserRef?> FindByUserNameAsync(string userName, CancellationToken cancellationToken) =>
            Task.FromResult<UserRef?>(User(userName));

        public Task<UserRef?> FindByIdAsync(Guid userId, CancellationToken cancellationToken) => Task.FromResult<UserRef?>(null);

        public Task<IReadOnlyList<UserRef>> UsersInRoleAsync(RegionId region, RegionRole role, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<UserRef>>([User(UserName(region.Code, role))]);

        public Task<IReadOnlySet<RegionRole>> RolesAsync(Guid userId, RegionId region, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<RegionRole>>(new HashSet<RegionRole>());
    }
}

/// <summary>
/// What an engine sees as its services: the scope of the run in progress. The Host gives each run a scope of its own; a
/// simulation that keeps one engine for a year switches the scope under it per run.
/// </summary>
internal sealed class RunScope : IServiceProvider
{
    public IServiceProvider? Current { get; set; }

    public object? GetService(Type serviceType) =>
        (Current ?? throw new InvalidOperationException("No run is in progress.")).GetService(serviceType);
}
