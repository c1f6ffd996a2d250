using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Workflows.Contracts;
using Rake.Modules.WorkingGroup.Contracts;

namespace Rake.Modules.Communications.Features.Notify;

/// <summary>
/// Looks at every region's open assignments and workflow tasks, the day's digests and, in January, the yearly summary,
/// and sends what is due. Each notice is keyed by a unique marker, so running the sweep again (after a restart, or on a
/// second Host at the same moment) sends nothing twice, and a sweep that was down catches up (docs/adr/0145).
/// </summary>
internal sealed class NotificationSweep(IServiceScopeFactory scopes, IRegionAccess regions, IOptions<NotifyOptions> options,
    TimeProvider clock, ILogger<NotificationSweep> logger)
{
    /// <summary>Items older than this when first seen get no "new" notice: the first sweep after go-live stays quiet.</summary>
    public static readonly TimeSpan NewWithin = TimeSpan.FromDays(2);

    private static string Day(DateOnly date) => date.ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    /// <summary>Runs one sweep over every region; returns how many notices (digests counted once) went out.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var sent = 0;
        foreach (var region in regions.Regions)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(region.Id, "notification-sweep");
            var sweep = new RegionSweep(scope.ServiceProvider, region.Id, options.Value, clock);
            sent += await sweep.RunAsync(ct);
        }
        if (sent > 0)
        {
            logger.LogInformation("Notification sweep sent {Count} notices", sent);
        }
        return sent;
    }

    private sealed class RegionSweep(IServiceProvider services, RegionId region, NotifyOptions options, TimeProvider clock)
    {
        private readonly PersonNotifier notifier = services.GetRequiredService<PersonNotifier>();
        private readonly DateTimeOffset now = clock.GetUtcNow();
        private readonly DateOnly today = Helsinki.Today(clock);

        public async Task<int> RunAsync(CancellationToken ct) =>
            await AssignmentsAsync(ct) + await TasksAsync(ct) + await DigestsAsync(ct) + await YearlyAsync(ct);

        private async Task<int> AssignmentsAsync(CancellationToken ct)
        {
            if (services.GetService<IAssignmentRemindersApi>() is not { } api)
            {
                return 0;
            }
            var sent = 0;
            var link = notifier.Link("assignments/mine");
            foreach (var a in await api.OpenAssignmentsAsync(ct))
            {
                string[] args = [Day(a.DueDate)];
                if (now - a.CreatedAt <= NewWithin)
                {
                    sent += await Send(new(a.AssigneeId, NoticeKind.AssignmentNew, "assignmentNew", args, link,
                        $"assignment-new:{a.Id:N}:{a.AssigneeId:N}"), ct);
                }
                // The due date is part of the key: an assignment whose due date moves is reminded again for the new date.
                if (today > a.DueDate)
                {
                    sent += await Send(new(a.AssigneeId, NoticeKind.AssignmentOverdue, "assignmentOverdue", args, link,
                        $"assignment-overdue:{a.Id:N}:{a.AssigneeId:N}:{a.DueDate:yyyyMMdd}"), ct);
                }
                else if (today >= a.DueDate.AddDays(-NoticePolicy.DueSoonDays))
                {
                    sent += await Send(new(a.AssigneeId, NoticeKind.AssignmentDueSoon, "assignmentDueSoon", args, link,
                        $"assignment-due:{a.Id:N}:{a.AssigneeId:N}:{a.DueDate:yyyyMMdd}"), ct);
                }
            }
            return sent;
        }

        private async Task<int> TasksAsync(CancellationToken ct)
        {
            if (services.GetService<IWorkflowTasksApi>() is not { } api)
            {
                return 0;
            }
            var users = services.GetRequiredService<IUserDirectory>();
            var sent = 0;
            var link = notifier.Link("tasks");
            foreach (var task in await api.OpenTasksAsync(ct))
            {
                if (!Enum.TryParse<RegionRole>(task.Role, ignoreCase: false, out var role))
                {
                    continue;
                }
                var due = task.DueAt is { } at ? Helsinki.ToLocalDate(at) : (DateOnly?)null;
                var isNew = now - task.CreatedAt <= NewWithin;
                var dueSoon = due is { } d && today <= d && today >= d.AddDays(-NoticePolicy.DueSoonDays);
                if (!isNew && !dueSoon)
                {
                    continue;
                }
                string[] args = [due is { } day ? Day(day) : "-"];
                foreach (var member in await users.UsersInRoleAsync(region, role, ct))
                {
                    if (isNew)
                    {
                        sent += await Send(new(member.Id, NoticeKind.TaskNew, "taskNew", args, link,
                            $"task-new:{task.Id:N}:{member.Id:N}"), ct);
                    }
                    if (dueSoon)
                    {
                        sent += await Send(new(member.Id, NoticeKind.TaskDueSoon, "taskDueSoon", args, link,
                            $"task-due:{task.Id:N}:{member.Id:N}:{due:yyyyMMdd}"), ct);
                    }
                }
            }
            return sent;
        }

        private bool PastDigestHour => TimeZoneInfo.ConvertTime(now, Helsinki.TimeZone).Hour >= options.DigestHour;

        private async Task<int> DigestsAsync(CancellationToken ct)
        {
            if (!PastDigestHour)
            {
                return 0;
            }
            var db = services.GetRequiredService<CommunicationsDbContext>();
            var waiting = await db.PersonNotices.AsNoTracking().Where(n => n.InDigest && n.DigestedAt == null).ToListAsync(ct);
            var sent = 0;
            foreach (var person in waiting.Where(n => n.CreatedAt <= now).GroupBy(n => n.UserId))
            {
                sent += await notifier.SendDigestAsync(person.Key, [.. person], today, ct) ? 1 : 0;
            }
            return sent;
        }

        private async Task<int> YearlyAsync(CancellationToken ct)
        {
            // A window rather than one day, so a Host that was down on the day still sends; the marker keeps it once a year.
            if (today.Month != 1 || today.Day < options.YearlyDay || !PastDigestHour
                || services.GetService<IReporterYearApi>() is not { } api)
            {
                return 0;
            }
            var year = today.Year - 1;
            var texts = services.GetRequiredService<TextCatalog>();
            var reports = await api.ReportsOfYearAsync(year, ct);
            var sent = 0;
            foreach (var reporter in reports.SelectMany(r => r.ReporterIds).Distinct())
            {
                var mine = reports.Where(r => r.ReporterIds.Contains(reporter)).OrderBy(r => r.Number).ToList();
                var request = new NoticeRequest(reporter, NoticeKind.YearlySummary, "yearly",
                    [year.ToString(CultureInfo.InvariantCulture), mine.Count.ToString(CultureInfo.InvariantCulture)],
                    notifier.Link("reports/mine"), $"yearly:{year}:{reporter:N}")
                {
                    MailLines = language => mine.Select(r => texts.GetIn(language,
                        r.Decided ? "notify.yearly.rowDecided" : "notify.yearly.row", r.Number, Day(Helsinki.ToLocalDate(r.ReceivedAt)),
                        texts.GetIn(language, $"communications.reportStatus.{r.Status}"), notifier.Link($"reports/{r.ReportId}"))),
                };
                sent += await Send(request, ct);
            }
            return sent;
        }

        private async Task<int> Send(NoticeRequest request, CancellationToken ct) => await notifier.SendAsync(request, ct) ? 1 : 0;
    }
}

/// <summary>Runs the sweep every few minutes; the first round waits one interval so a starting Host serves first.</summary>
internal sealed class NotificationSweepWorker(NotificationSweep sweep, IOptions<NotifyOptions> options, TimeProvider clock,
    ILogger<NotificationSweepWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepEnabled)
        {
            return;
        }
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await sweep.SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Notification sweep failed; trying again after the interval.");
            }
        }
    }
}
