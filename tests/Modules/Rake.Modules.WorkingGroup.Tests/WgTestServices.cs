using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Mapping;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Tests.Shared;
using Rake.Modules.WorkingGroup.Features;
using Rake.Modules.WorkingGroup.Features.AddAgendaItem;
using Rake.Modules.WorkingGroup.Features.AddAssignment;
using Rake.Modules.WorkingGroup.Features.AddProposal;
using Rake.Modules.WorkingGroup.Features.Budget;
using Rake.Modules.WorkingGroup.Features.ChangeProposalStatus;
using Rake.Modules.WorkingGroup.Features.CompilationDecisions;
using Rake.Modules.WorkingGroup.Features.RecordDecision;
using Rake.Modules.WorkingGroup.Features.ScheduleMeeting;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Modules.WorkingGroup.Tests;

/// <summary>
/// The module's validators as the Host wires them (the same registration call), over an in-memory SQLite database of one
/// region, a fixed clock, a directory of two people and a reporting module that knows reports 1–10, of which 1–5 are the
/// compilation of the period <see cref="Period"/>.
/// </summary>
internal sealed class WgTestServices : IAsyncDisposable
{
    public static readonly RegionId Region = new("kainuu");
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 0, 0, TimeSpan.Zero);
    public const string Period = "2025-H2";

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly ServiceProvider provider;

    public WgTestServices()
    {
        connection.Open();
        var services = new ServiceCollection();
        services.AddSingleton(Texts);
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<RequestContext>(_ =>
        {
            var actor = new RequestContext();
            actor.SetSystem(Region, "test");
            return actor;
        });
        services.AddScoped<IRequestContext>(s => s.GetRequiredService<RequestContext>());
        services.AddDbContext<WorkingGroupDbContext>(o => o.UseSqlite(connection));
        services.AddSingleton<IUserDirectory, Directory>();
        services.AddSingleton<IReportingApi, Reporting>();
        services.AddScoped<WgLookup>();
        services.AddModuleMapping<WorkingGroupModule>();
        services.AddScoped<ScheduleMeetingHandler>();
        services.AddScoped<AddAgendaItemHandler>();
        services.AddScoped<RecordDecisionHandler>();
        services.AddScoped<AddAssignmentHandler>();
        services.AddScoped<CompilationDecisionsHandler>();
        services.AddScoped<AddProposalHandler>();
        services.AddScoped<ProposeBudgetHandler>();
        services.AddScoped<ChangeProposalStatusHandler>();
        services.AddScoped<RequestChecks>();
        services.AddRequestValidators(typeof(WorkingGroupModule).Assembly);
        provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<WorkingGroupDbContext>().Database.EnsureCreated();
    }

    public static TextCatalog Texts { get; } = new([typeof(TextCatalog).Assembly, typeof(WorkingGroupModule).Assembly]);

    /// <summary>Adds rows to the region's data.</summary>
    public async Task SeedAsync(Action<WorkingGroupDbContext> add)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkingGroupDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Runs <paramref name="work"/> with a service of a fresh scope, as the region's system actor.</summary>
    public async Task<TResult> RunAsync<TService, TResult>(Func<TService, Task<TResult>> work) where TService : notnull
    {
        await using var scope = provider.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// The field errors (by the name callers send) of <paramref name="request"/> in <paramref name="language"/>;
    /// empty when valid.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(object request, string language = "fi")
    {
        await using var scope = provider.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequestChecks>().ErrorsInAsync(request, language);
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        await connection.DisposeAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static readonly UserRef Member = new(Guid.NewGuid(), "kainuu-workinggroupmember", "Työryhmän jäsen", null);
    public static readonly UserRef Outsider = new(Guid.NewGuid(), "kymenlaakso-professional", "Muu", null);

    private sealed class Directory : IUserDirectory
    {
        private readonly UserRef[] users = [Member, Outsider];

        public Task<UserRef?> FindByUserNameAsync(string userName, CancellationToken cancellationToken) =>
            Task.FromResult(users.FirstOrDefault(u => u.UserName == userName));

        public Task<UserRef?> FindByIdAsync(Guid userId, CancellationToken cancellationToken) =>
            Task.FromResult(users.FirstOrDefault(u => u.Id == userId));

        public Task<IReadOnlyList<UserRef>> UsersInRoleAsync(RegionId region, RegionRole role, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<UserRef>>([]);

        // Only the member holds a role in this region; the other person belongs to another region.
        public Task<IReadOnlySet<RegionRole>> RolesAsync(Guid userId, RegionId region, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<RegionRole>>(userId == Member.Id && region == Region
                ? new HashSet<RegionRole> { RegionRole.WorkingGroupMember }
                : new HashSet<RegionRole>());
    }

    private sealed class Reporting : IReportingApi
    {
        public Task<IReadOnlyList<ReportDigest>> FindAsync(IReadOnlyCollection<int> numbers, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ReportDigest>>(numbers.Where(n => n is >= 1 and <= 10)
                .Select(n => new ReportDigest(Guid.NewGuid(), n, Now, "Problem", "t", "p", "a", "m", [], "Received")).ToList());

        public Task<IReadOnlyList<ReportingPeriodInfo>> PeriodsAsync(int year, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        private static readonly ReportingPeriodInfo HalfYear = new(Period, new DateOnly(2025, 6, 1), new DateOnly(2025, 11, 30), true);

        public Task<ReportingPeriodInfo?> FindPeriodAsync(string periodId, CancellationToken cancellationToken) =>
            Task.FromResult(periodId == Period ? HalfYear : null);

        public async Task<PeriodCompilation?> CompileAsync(string periodId, CancellationToken cancellationToken) =>
            periodId == Period
                ? new PeriodCompilation(HalfYear, 5, [], [], [], [], await FindAsync([1, 2, 3, 4, 5], cancellationToken))
                : null;

        public Task<IReadOnlyList<ReportDigest>> ReceivedAsync(
            DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<CommunicationRecord>> CommunicationRecordsAsync(CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
