using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Contracts;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Features.Notifications;

internal sealed record NotificationDto(Guid Id, Guid ReportId, int ReportNumber, string Kind, string? Status, string Text,
    DateTimeOffset CreatedAt, bool Read);

internal static class NotificationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/notifications", (NotificationsHandler h, CancellationToken ct) => h.MineAsync(ct))
            .WithTags("Notifications")
                .WithSummary("The caller's latest notifications in this region: reports sent to them and news on their reports.");
        api.MapPost("/notifications/read", async (NotificationsHandler h, CancellationToken ct) =>
            {
                await h.MarkAllReadAsync(ct);
                return Results.NoContent();
            })
            .WithTags("Notifications").WithSummary("Mark the caller's notifications in this region as read.");
    }
}

internal sealed class NotificationsHandler(ReportingDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock)
{
    public const int Latest = 50;

    public async Task<IReadOnlyList<NotificationDto>> MineAsync(CancellationToken ct)
    {
        var userId = actor.UserId!.Value;
        var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).Take(Latest).ToListAsync(ct);
        return rows.Select(n => new NotificationDto(n.Id, n.ReportId, n.ReportNumber, n.Kind, n.Status?.ToString(),
            texts.Get($"reporting.notification.{n.Kind}", n.ReportNumber, n.Status is { } s ? texts[$"reporting.status.{s}"] : ""),
            n.CreatedAt, n.ReadAt is not null)).ToList();
    }

    public async Task MarkAllReadAsync(CancellationToken ct)
    {
        var userId = actor.UserId!.Value;
        var now = clock.GetUtcNow();
        foreach (var n in await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct))
        {
            n.ReadAt = now;
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The named supervisor finds a new report in their inbox.</summary>
internal sealed class NotifySupervisorOfNewReport(ReportingDbContext db, TimeProvider clock)
    : IdempotentHandler<SocialReportSubmitted, ReportingDbContext>(db, clock)
{
    protected override Task ApplyAsync(SocialReportSubmitted e, CancellationToken ct)
    {
        Db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(),
            UserId = e.SupervisorId,
            ReportId = e.ReportId,
            ReportNumber = e.Number,
            Kind = "received",
            Status = ReportStatus.Received,
            CreatedAt = e.OccurredAt,
        });
        return Task.CompletedTask;
    }
}

/// <summary>Reporters are told when their report's handling moves on or feedback is given ("the knowledge must not vanish").</summary>
internal sealed class NotifyReportersOfProgress(ReportingDbContext db, TimeProvider clock)
    : IdempotentHandler<SocialReportStatusChanged, ReportingDbContext>(db, clock)
{
    protected override Task ApplyAsync(SocialReportStatusChanged e, CancellationToken ct)
    {
        var status = Enum.Parse<ReportStatus>(e.ToStatus);
        foreach (var reporter in e.ReporterIds.Distinct())
        {
            Db.Notifications.Add(new Notification
            {
                Id = Guid.CreateVersion7(),
                UserId = reporter,
                ReportId = e.ReportId,
                ReportNumber = e.Number,
                Kind = e.FromStatus == e.ToStatus ? "feedback" : "statusChanged",
                Status = status,
                CreatedAt = e.OccurredAt,
            });
        }
        return Task.CompletedTask;
    }
}
