using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Features.Feedback;
using Rake.Modules.Communications.Features.Mail;
using Rake.Modules.Communications.Features.Notify;
using Rake.Modules.Communications.Persistence;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Workflows.Contracts;
using Rake.Modules.WorkingGroup.Contracts;

namespace Rake.Modules.Communications.Tests;

/// <summary>
/// The person notices with a fake clock on one SQLite database that outlives "Hosts": each <see cref="NotifyHost"/> is a
/// fresh service provider, as a restarted or second Host would be, over the same stored markers and deliveries.
/// </summary>
public sealed class PersonNotificationTests : IDisposable
{
    private const string Kainuu = "kainuu";
    private const string KeskiSuomi = "keski-suomi";

    private readonly SqliteConnection connection = new("DataSource=:memory:");
    private readonly FakeTimeProvider clock = new(At(2025, 12, 1, 8));
    private readonly World world = new();

    public PersonNotificationTests()
    {
        connection.Open();
        using var host = new NotifyHost(connection, clock, world);
        using var scope = host.Scope(Kainuu);
        scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>().Database.EnsureCreated();
    }

    /// <summary>A Helsinki wall-clock time (winter: UTC+2, summer: UTC+3).</summary>
    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Helsinki.TimeZone.GetUtcOffset(local));
    }

    private async Task<int> SweepAsync()
    {
        using var host = new NotifyHost(connection, clock, world);
        return await host.Services.GetRequiredService<NotificationSweep>().SweepAsync(CancellationToken.None);
    }

    private async Task<List<MailDelivery>> MailsAsync(string region, string? to = null)
    {
        using var host = new NotifyHost(connection, clock, world);
        using var scope = host.Scope(region);
        var mails = await scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>().Deliveries.AsNoTracking().ToListAsync();
        return [.. mails.Where(m => to is null || m.To == to).OrderBy(m => m.CreatedAt)];
    }

    private async Task<List<PersonNotice>> NoticesAsync(string region, Guid userId)
    {
        using var host = new NotifyHost(connection, clock, world);
        using var scope = host.Scope(region);
        return await scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>().PersonNotices.AsNoTracking()
            .Where(n => n.UserId == userId).ToListAsync();
    }

    private async Task ChooseAsync(string region, Guid userId, string? language, params (NoticeKind Kind, NoticeChannel Channel)[] choices)
    {
        using var host = new NotifyHost(connection, clock, world);
        using var scope = host.Scope(region, userId);
        await scope.ServiceProvider.GetRequiredService<NotificationSettingsHandler>().SaveAsync(new(language,
            [.. choices.Select(c => (KindChoice?)new KindChoice(c.Kind.ToString(), c.Channel.ToString()))]), CancellationToken.None);
    }

    private async Task HandleAsync<THandler, TEvent>(string region, TEvent e) where THandler : IIntegrationEventHandler<TEvent>
        where TEvent : IIntegrationEvent
    {
        using var host = new NotifyHost(connection, clock, world);
        using var scope = host.Scope(region);
        await ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider).HandleAsync(e, CancellationToken.None);
    }

    [Fact]
    public async Task Due_soon_and_overdue_reminders_go_exactly_once_each_across_repeated_sweeps_and_a_restart()
    {
        var assignee = world.Person("anna");
        world.Assignments[Kainuu] = [new OpenAssignmentInfo(Guid.NewGuid(), assignee.Id, new DateOnly(2026, 3, 10), At(2026, 1, 5, 9))];

        clock.SetUtcNow(At(2026, 3, 6, 9));
        Assert.Equal(0, await SweepAsync());
        Assert.Empty(await MailsAsync(Kainuu));

        clock.SetUtcNow(At(2026, 3, 7, 0, 5));
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, await SweepAsync());
        clock.Advance(TimeSpan.FromHours(20));
        Assert.Equal(0, await SweepAsync());
        var dueSoon = Assert.Single(await MailsAsync(Kainuu, assignee.Email));
        Assert.Equal("Tehtäväsi määräpäivä lähestyy (10.3.2026)", dueSoon.Subject);
        Assert.Contains("/kainuu/assignments/mine", dueSoon.Body, StringComparison.Ordinal);

        // The due day itself is not overdue; the day after is, once.
        clock.SetUtcNow(At(2026, 3, 10, 23, 50));
        Assert.Equal(0, await SweepAsync());
        clock.SetUtcNow(At(2026, 3, 11, 0, 10));
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, await SweepAsync());
        clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(0, await SweepAsync());

        var mails = await MailsAsync(Kainuu, assignee.Email);
        Assert.Equal(["Tehtäväsi määräpäivä lähestyy (10.3.2026)", "Tehtäväsi on myöhässä (määräpäivä 10.3.2026)"],
            mails.Select(m => m.Subject));
        Assert.Equal(2, (await NoticesAsync(Kainuu, assignee.Id)).Count);
    }

    [Fact]
    public async Task A_moved_due_date_is_reminded_again_for_the_new_date()
    {
        var assignee = world.Person("ville");
        var id = Guid.NewGuid();
        world.Assignments[Kainuu] = [new OpenAssignmentInfo(id, assignee.Id, new DateOnly(2026, 3, 10), At(2026, 1, 5, 9))];
        clock.SetUtcNow(At(2026, 3, 8, 9));
        Assert.Equal(1, await SweepAsync());

        world.Assignments[Kainuu] = [new OpenAssignmentInfo(id, assignee.Id, new DateOnly(2026, 3, 11), At(2026, 1, 5, 9))];
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, await SweepAsync());
    }

    [Fact]
    public async Task Several_notices_of_a_person_who_chose_the_digest_make_one_e_mail_at_the_digest_hour()
    {
        var member = world.Person("maija");
        await ChooseAsync(Kainuu, member.Id, null, (NoticeKind.AssignmentNew, NoticeChannel.Digest),
            (NoticeKind.TaskNew, NoticeChannel.Digest));
        clock.SetUtcNow(At(2026, 3, 2, 9));
        world.Assignments[Kainuu] =
        [
            new(Guid.NewGuid(), member.Id, new DateOnly(2026, 4, 30), At(2026, 3, 2, 8)),
            new(Guid.NewGuid(), member.Id, new DateOnly(2026, 5, 15), At(2026, 3, 2, 8, 30)),
        ];
        world.Tasks[Kainuu] = [new OpenWorkflowTask(Guid.NewGuid(), "WorkingGroupMember", At(2026, 3, 2, 8, 45), At(2026, 4, 1, 23))];
        world.Roles[(Kainuu, RegionRole.WorkingGroupMember)] = [member];

        Assert.Equal(3, await SweepAsync());
        Assert.Empty(await MailsAsync(Kainuu));
        Assert.Equal(3, (await NoticesAsync(Kainuu, member.Id)).Count(n => n.InDigest && n.DigestedAt == null));

        clock.SetUtcNow(At(2026, 3, 2, 16, 1));
        Assert.Equal(1, await SweepAsync());
        Assert.Equal(0, await SweepAsync());
        var digest = Assert.Single(await MailsAsync(Kainuu));
        Assert.Equal(member.Email, digest.To);
        Assert.Equal("Rake: päivän ilmoitukset 2.3.2026", digest.Subject);
        Assert.Contains("Päivän 2.3.2026 ilmoitukset (3 kpl):", digest.Body, StringComparison.Ordinal);
        Assert.Contains("- Sinulle on annettu tehtävä, jonka määräpäivä on 30.4.2026.", digest.Body, StringComparison.Ordinal);
        Assert.Contains("- Sinulle on annettu tehtävä, jonka määräpäivä on 15.5.2026.", digest.Body, StringComparison.Ordinal);
        Assert.Contains("- Roolillesi on tullut uusi työnkulun tehtävä (määräpäivä 1.4.2026).", digest.Body, StringComparison.Ordinal);

        // What comes after today's digest waits for tomorrow's.
        world.Assignments[Kainuu] = [.. world.Assignments[Kainuu], new(Guid.NewGuid(), member.Id, new DateOnly(2026, 6, 1),
            At(2026, 3, 2, 17))];
        clock.SetUtcNow(At(2026, 3, 2, 17, 30));
        Assert.Equal(1, await SweepAsync());
        Assert.Single(await MailsAsync(Kainuu));
        clock.SetUtcNow(At(2026, 3, 3, 16, 0));
        Assert.Equal(1, await SweepAsync());
        var second = (await MailsAsync(Kainuu))[1];
        Assert.Contains("(1 kpl)", second.Body, StringComparison.Ordinal);
        Assert.Contains("1.6.2026", second.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_who_switched_a_kind_off_gets_nothing_of_it_while_others_still_do()
    {
        var (off, on) = (world.Person("oskari"), world.Person("olga"));
        await ChooseAsync(Kainuu, off.Id, null, (NoticeKind.AssignmentDueSoon, NoticeChannel.Off),
            (NoticeKind.YearlySummary, NoticeChannel.Off));
        world.Assignments[Kainuu] =
        [
            new(Guid.NewGuid(), off.Id, new DateOnly(2026, 1, 17), At(2025, 12, 1, 9)),
            new(Guid.NewGuid(), on.Id, new DateOnly(2026, 1, 17), At(2025, 12, 1, 9)),
        ];
        world.YearReports[Kainuu] =
        [
            new(Guid.NewGuid(), 7, At(2025, 3, 3, 10), "Decided", true, [off.Id]),
            new(Guid.NewGuid(), 9, At(2025, 9, 3, 10), "WithSupervisor", false, [on.Id]),
            new(Guid.NewGuid(), 11, At(2025, 10, 3, 10), "Closed", false, [on.Id]),
        ];
        clock.SetUtcNow(At(2026, 1, 15, 16, 30));

        await SweepAsync();
        await SweepAsync();

        Assert.Empty(await MailsAsync(Kainuu, off.Email));
        Assert.Empty(await NoticesAsync(Kainuu, off.Id));
        var mails = await MailsAsync(Kainuu, on.Email);
        Assert.Equal(2, mails.Count);
        var yearly = Assert.Single(mails, m => m.Subject == "Mitä ilmoituksistasi seurasi vuonna 2025");
        Assert.Contains("Teit vuonna 2025 sosiaalisen raportoinnin ilmoituksia 2 kpl.", yearly.Body, StringComparison.Ordinal);
        Assert.Contains("- Ilmoitus nro 9 (3.9.2025): esihenkilöllä.", yearly.Body, StringComparison.Ordinal);
        Assert.Contains("- Ilmoitus nro 11 (3.10.2025): suljettu.", yearly.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("nro 7", yearly.Body, StringComparison.Ordinal);
        Assert.Contains("/kainuu/notification-settings", yearly.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_yearly_summary_goes_once_in_its_January_window_and_not_before()
    {
        var reporter = world.Person("riikka");
        world.YearReports[Kainuu] = [new(Guid.NewGuid(), 3, At(2025, 5, 5, 10), "Decided", true, [reporter.Id])];

        clock.SetUtcNow(At(2026, 1, 14, 18));
        Assert.Equal(0, await SweepAsync());
        clock.SetUtcNow(At(2026, 1, 15, 15, 59));
        Assert.Equal(0, await SweepAsync());
        clock.SetUtcNow(At(2026, 1, 15, 16, 0));
        Assert.Equal(1, await SweepAsync());
        clock.SetUtcNow(At(2026, 1, 20, 16, 0));
        Assert.Equal(0, await SweepAsync());

        var mail = Assert.Single(await MailsAsync(Kainuu, reporter.Email));
        Assert.Contains("- Ilmoitus nro 3 (5.5.2025): päätetty, asiasta on tehty päätös.", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Swedish_speaking_supervisor_gets_the_new_report_in_Swedish_with_a_number_and_a_link_only()
    {
        var supervisor = world.Person("sven");
        await ChooseAsync(Kainuu, supervisor.Id, "sv");
        var reportId = Guid.NewGuid();

        await HandleAsync<NotifySupervisorOfReport, SocialReportSubmitted>(Kainuu, new SocialReportSubmitted(Guid.NewGuid(),
            new RegionId(Kainuu), clock.GetUtcNow(), reportId, 42, Guid.NewGuid(), supervisor.Id, "Negative", ["housing"]));

        var mail = Assert.Single(await MailsAsync(Kainuu, supervisor.Email));
        Assert.Equal("Ny rapport nr 42 väntar på din behandling", mail.Subject);
        Assert.StartsWith("Rapport nr 42 inom social rapportering väntar på din behandling.", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"Öppna i Rake: https://rake.test.invalid/kainuu/reports/{reportId}", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("housing", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Uusi", mail.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reporters_are_told_of_progress_as_they_chose_and_the_same_event_twice_sends_once()
    {
        var (inApp, email) = (world.Person("iida"), world.Person("eero"));
        await ChooseAsync(Kainuu, email.Id, null, (NoticeKind.ReportProgress, NoticeChannel.Email));
        var e = new SocialReportStatusChanged(Guid.NewGuid(), new RegionId(Kainuu), clock.GetUtcNow(), Guid.NewGuid(), 5,
            "WithSupervisor", "ToWorkingGroup", [inApp.Id, email.Id], "Työryhmään");

        await HandleAsync<EmailReportersOfProgress, SocialReportStatusChanged>(Kainuu, e);
        await HandleAsync<EmailReportersOfProgress, SocialReportStatusChanged>(Kainuu, e);

        var mail = Assert.Single(await MailsAsync(Kainuu));
        Assert.Equal(email.Email, mail.To);
        Assert.Equal("Sosiaalisen raporttisi #5 käsittely eteni", mail.Subject);
        Assert.StartsWith("Ilmoituksesi nro 5 käsittely eteni: työryhmässä.", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Työryhmään", mail.Body, StringComparison.Ordinal);
        Assert.Single(await NoticesAsync(Kainuu, inApp.Id));
    }

    [Fact]
    public async Task Follow_up_steps_reach_the_reporter_as_they_chose_for_progress_once_each_without_the_title()
    {
        var (email, swede, inApp, off, digest) =
            (world.Person("elli"), world.Person("stina"), world.Person("ilona"), world.Person("oskari"), world.Person("dora"));
        await ChooseAsync(Kainuu, email.Id, null, (NoticeKind.ReportProgress, NoticeChannel.Email));
        await ChooseAsync(Kainuu, swede.Id, "sv", (NoticeKind.ReportProgress, NoticeChannel.Email));
        await ChooseAsync(Kainuu, off.Id, null, (NoticeKind.ReportProgress, NoticeChannel.Off));
        await ChooseAsync(Kainuu, digest.Id, null, (NoticeKind.ReportProgress, NoticeChannel.Digest));
        var (reportId, followUpId) = (Guid.NewGuid(), Guid.NewGuid());
        Guid[] reporters = [email.Id, swede.Id, inApp.Id, off.Id, digest.Id];
        var given = new SocialReportFollowUpShown(Guid.NewGuid(), new RegionId(Kainuu), clock.GetUtcNow(), reportId, 7, followUpId,
            "Assignment", Ended: false, Status: null, new DateOnly(2026, 1, 9), Result: null, reporters);
        var done = new SocialReportFollowUpShown(Guid.NewGuid(), new RegionId(Kainuu), clock.GetUtcNow(), reportId, 7, followUpId,
            "Assignment", Ended: true, "Done", DueDate: null, "Selvitetty: 3 kuntaa.", reporters);
        var unworded = done with { EventId = Guid.NewGuid(), Status = "Paused" };

        foreach (var e in new[] { given, done, given, done, unworded })
        {
            await HandleAsync<NotifyReportersOfFollowUp, SocialReportFollowUpShown>(Kainuu, e);
        }

        var toEmail = await MailsAsync(Kainuu, email.Email);
        Assert.Equal(2, toEmail.Count);
        Assert.StartsWith("Ilmoituksesi nro 7 päätöksen jatkotoimi: toimeksianto annettu, määräpäivä 9.1.2026.",
            Assert.Single(toEmail, m => m.Subject == "Sosiaalisen raporttisi #7 päätökselle jatkotoimi").Body, StringComparison.Ordinal);
        Assert.StartsWith("Ilmoituksesi nro 7 päätöksen jatkotoimi: toimeksianto tehty. Tulos: Selvitetty: 3 kuntaa.",
            Assert.Single(toEmail, m => m.Subject == "Sosiaalisen raporttisi #7 jatkotoimesta on tulos").Body, StringComparison.Ordinal);
        Assert.All(toEmail, m => Assert.Contains($"https://rake.test.invalid/kainuu/reports/{reportId}", m.Body, StringComparison.Ordinal));
        var toSwede = await MailsAsync(Kainuu, swede.Email);
        Assert.Equal(2, toSwede.Count);
        Assert.StartsWith("Uppföljning av beslutet om din rapport nr 7: uppdrag givet, förfallodag 9.1.2026.",
            Assert.Single(toSwede, m => m.Subject == "Uppföljning av beslutet om din rapport #7").Body, StringComparison.Ordinal);
        Assert.StartsWith("Uppföljning av beslutet om din rapport nr 7: uppdraget utfört. Resultat: Selvitetty: 3 kuntaa.",
            Assert.Single(toSwede, m => m.Subject == "Uppföljningen av din rapport #7 har ett resultat").Body, StringComparison.Ordinal);
        // The region does not e-mail reporters by default: in the app only; switched off: nothing; digest: rows, no mail now.
        Assert.Empty(await MailsAsync(Kainuu, inApp.Email));
        Assert.Equal(["followUpDue", "followUpResult"], (await NoticesAsync(Kainuu, inApp.Id)).Select(n => n.Template).Order());
        Assert.Empty(await MailsAsync(Kainuu, off.Email));
        Assert.Empty(await NoticesAsync(Kainuu, off.Id));
        Assert.Empty(await MailsAsync(Kainuu, digest.Email));
        Assert.All(await NoticesAsync(Kainuu, digest.Id), n => Assert.True(n.InDigest));
    }

    [Fact]
    public async Task A_reassigned_report_tells_the_new_supervisor_and_the_reporter()
    {
        var (supervisor, reporter) = (world.Person("sanna"), world.Person("rasmus"));
        await HandleAsync<NotifyOfReportReassignment, SocialReportReassigned>(Kainuu, new SocialReportReassigned(Guid.NewGuid(),
            new RegionId(Kainuu), clock.GetUtcNow(), Guid.NewGuid(), 8, Guid.NewGuid(), supervisor.Id, [reporter.Id]));

        Assert.Equal("Ilmoitus nro 8 siirrettiin sinulle", Assert.Single(await MailsAsync(Kainuu, supervisor.Email)).Subject);
        Assert.Empty(await MailsAsync(Kainuu, reporter.Email));
        Assert.Equal("reassigned", Assert.Single(await NoticesAsync(Kainuu, reporter.Id)).Template);
    }

    [Fact]
    public async Task Each_region_sweeps_only_its_own_items_and_keeps_its_own_choices()
    {
        var person = world.Person("paula");
        await ChooseAsync(Kainuu, person.Id, null, (NoticeKind.AssignmentDueSoon, NoticeChannel.Off));
        world.Assignments[Kainuu] = [new(Guid.NewGuid(), person.Id, new DateOnly(2026, 3, 4), At(2026, 1, 1, 9))];
        world.Assignments[KeskiSuomi] = [new(Guid.NewGuid(), person.Id, new DateOnly(2026, 3, 4), At(2026, 1, 1, 9))];
        clock.SetUtcNow(At(2026, 3, 2, 9));

        Assert.Equal(1, await SweepAsync());

        Assert.Empty(await MailsAsync(Kainuu));
        var mail = Assert.Single(await MailsAsync(KeskiSuomi));
        Assert.Contains("/keski-suomi/assignments/mine", mail.Body, StringComparison.Ordinal);
        Assert.Empty(await NoticesAsync(Kainuu, person.Id));
    }

    [Fact]
    public async Task Settings_refuse_switching_off_a_duty_and_an_unknown_language()
    {
        await using var services = new TestServices();

        var errors = await services.ErrorsAsync(new SaveNotificationSettingsRequest("de",
            [new KindChoice("AssignmentOverdue", "Off"), new KindChoice("Sometimes", "Email"), new KindChoice("TaskNew", "Digest")]));

        Assert.Equal(["kinds[0].channel", "kinds[1].kind", "language"], errors.Keys.Order().ToArray());
        Assert.Contains("InApp, Email, Digest", errors["kinds[0].channel"][0], StringComparison.Ordinal);
        Assert.Empty(await services.ErrorsAsync(new SaveNotificationSettingsRequest("sv", [new KindChoice("YearlySummary", "Off")])));
    }

    public void Dispose() => connection.Dispose();

    /// <summary>What the other modules and the people directory hold, per region; shared by every "Host" of a test.</summary>
    private sealed class World
    {
        public Dictionary<Guid, UserRef> People { get; } = [];
        public Dictionary<string, IReadOnlyList<OpenAssignmentInfo>> Assignments { get; } = [];
        public Dictionary<string, IReadOnlyList<OpenWorkflowTask>> Tasks { get; } = [];
        public Dictionary<string, IReadOnlyList<ReporterYearReport>> YearReports { get; } = [];
        public Dictionary<(string, RegionRole), IReadOnlyList<UserRef>> Roles { get; } = [];

        public UserRef Person(string name)
        {
            var person = new UserRef(Guid.NewGuid(), name, name, $"{name}@test.invalid");
            People[person.Id] = person;
            return person;
        }
    }

    private sealed class NotifyHost : IDisposable
    {
        private readonly ServiceProvider provider;

        public NotifyHost(SqliteConnection connection, TimeProvider clock, World world)
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(TestServices.Texts);
            services.AddSingleton(clock);
            services.AddSingleton<OutboxSignal>();
            services.AddScoped<RequestContext>();
            services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<RequestContext>());
            services.AddDbContext<CommunicationsDbContext>(o => o.UseSqlite(connection));
            services.AddScoped<MailQueue>();
            services.AddSingleton<MailSignal>();
            services.AddScoped<PersonNotifier>();
            services.AddScoped<NotificationSettingsHandler>();
            services.AddSingleton<NotificationSweep>();
            services.Configure<NotifyOptions>(o => o.BaseUrl = "https://rake.test.invalid/");
            services.AddSingleton<IRegionAccess>(new FakeRegions());
            services.AddSingleton<IUserDirectory>(new FakeDirectory(world));
            services.AddScoped<IAssignmentRemindersApi>(sp => new FakeAssignments(world, sp.GetRequiredService<IRequestContext>()));
            services.AddScoped<IWorkflowTasksApi>(sp => new FakeTasks(world, sp.GetRequiredService<IRequestContext>()));
            services.AddScoped<IReporterYearApi>(sp => new FakeYearReports(world, sp.GetRequiredService<IRequestContext>()));
            provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        }

        public IServiceProvider Services => provider;

        public IServiceScope Scope(string region, Guid? userId = null)
        {
            var scope = provider.CreateScope();
            var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
            if (userId is { } id)
            {
                context.SetRegion(new RegionId(region));
                context.SetUser(id, id.ToString(), new HashSet<RegionRole> { RegionRole.Professional });
            }
            else
            {
                context.SetSystem(new RegionId(region), "tests");
            }
            return scope;
        }

        public void Dispose() => provider.Dispose();
    }

    private sealed class FakeRegions : IRegionAccess
    {
        public IReadOnlyList<RegionInfo> Regions { get; } =
            [new(new RegionId(Kainuu), "Kainuu", "Kajanaland", "Kainuu"), new(new RegionId(KeskiSuomi), "Keski-Suomi", "", "")];

        public RegionInfo? Find(string regionCode) => Regions.FirstOrDefault(r => r.Id.Code == regionCode);

        public Task<RegionAccess> ResolveAsync(ClaimsPrincipal user, string regionCode, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<RegionInfo>> RegionsOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class FakeDirectory(World world) : IUserDirectory
    {
        public Task<UserRef?> FindByUserNameAsync(string userName, CancellationToken cancellationToken) =>
            Task.FromResult(world.People.Values.FirstOrDefault(p => p.UserName == userName));

        public Task<UserRef?> FindByIdAsync(Guid userId, CancellationToken cancellationToken) =>
            Task.FromResult(world.People.GetValueOrDefault(userId));

        public Task<IReadOnlyList<UserRef>> UsersInRoleAsync(RegionId region, RegionRole role, CancellationToken cancellationToken) =>
            Task.FromResult(world.Roles.GetValueOrDefault((region.Code, role)) ?? []);

        public Task<IReadOnlySet<RegionRole>> RolesAsync(Guid userId, RegionId region, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<RegionRole>>(new HashSet<RegionRole>());
    }

    private sealed class FakeAssignments(World world, IRequestContext context) : IAssignmentRemindersApi
    {
        public Task<IReadOnlyList<OpenAssignmentInfo>> OpenAssignmentsAsync(CancellationToken cancellationToken) =>
            Task.FromResult(world.Assignments.GetValueOrDefault(context.RequireRegion().Code) ?? []);
    }

    private sealed class FakeTasks(World world, IRequestContext context) : IWorkflowTasksApi
    {
        public Task<IReadOnlyList<OpenWorkflowTask>> OpenTasksAsync(CancellationToken cancellationToken) =>
            Task.FromResult(world.Tasks.GetValueOrDefault(context.RequireRegion().Code) ?? []);

        public Task<bool> CompleteAsync(Guid instanceId, string activityId, string? comment, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The notification sweep only reads open tasks.");
    }

    private sealed class FakeYearReports(World world, IRequestContext context) : IReporterYearApi
    {
        public Task<IReadOnlyList<ReporterYearReport>> ReportsOfYearAsync(int year, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ReporterYearReport>>(
                [.. (world.YearReports.GetValueOrDefault(context.RequireRegion().Code) ?? []).Where(r => r.ReceivedAt.Year == year)]);
    }
}
