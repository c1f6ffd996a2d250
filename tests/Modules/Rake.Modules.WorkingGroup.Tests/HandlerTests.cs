using Microsoft.EntityFrameworkCore;
using Rake.Modules.WorkingGroup.Domain;
using Rake.Modules.WorkingGroup.Features.AddAgendaItem;
using Rake.Modules.WorkingGroup.Features.RecordDecision;
using Rake.Modules.WorkingGroup.Features.ScheduleMeeting;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Modules.WorkingGroup.Tests;

/// <summary>
/// The use-case handlers the workflow activities call as the region's system actor: a retried activity passes the same
/// source key, and the handler returns what it stored the first time instead of storing it again.
/// </summary>
public sealed class HandlerTests : IAsyncLifetime
{
    private readonly WgTestServices services = new();
    private readonly Body body = new()
    {
        Id = Guid.NewGuid(),
        Kind = BodyKind.SteeringGroup,
        Name = "Johtoryhmä",
        CreatedAt = WgTestServices.Now,
    };

    public async Task InitializeAsync() => await services.SeedAsync(db => db.Bodies.Add(body));

    public async Task DisposeAsync() => await services.DisposeAsync();

    private Task<Meeting> ScheduleAsync(ScheduleMeetingRequest request, string sourceKey) =>
        services.RunAsync((ScheduleMeetingHandler h) => h.HandleAsync(body.Id, request, sourceKey, CancellationToken.None));

    private Task<TResult> Count<TResult>(Func<WorkingGroupDbContext, Task<TResult>> count) => services.RunAsync(count);

    [Fact]
    public async Task A_retried_schedule_and_agenda_item_are_stored_once_after_the_standard_items()
    {
        var request = new ScheduleMeetingRequest("Kokous", WgTestServices.Now.AddDays(14), null, "Teams", null);
        var first = await ScheduleAsync(request, "run-1/s1");
        var again = await ScheduleAsync(request, "run-1/s1");
        var item = new AddAgendaItemRequest("PlanReview", "Suunnitelman katselmointi", null);
        var added = await services.RunAsync((AddAgendaItemHandler h) => h.HandleAsync(first.Id, item, "run-1/a1", default));
        var addedAgain = await services.RunAsync((AddAgendaItemHandler h) => h.HandleAsync(first.Id, item, "run-1/a1", default));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(120, (first.EndsAt - first.StartsAt).TotalMinutes);
        Assert.Equal(1, await Count(db => db.Meetings.CountAsync()));
        Assert.Equal((added.Id, 3, "PlanReview"), (addedAgain.Id, added.Position, added.Kind));
        var kinds = await Count(db => db.AgendaItems.OrderBy(a => a.Position).Select(a => a.Kind).ToListAsync());
        Assert.Equal([AgendaItemKind.Reports, AgendaItemKind.CurrentMatters, AgendaItemKind.PlanReview], kinds);
    }

    [Fact]
    public async Task A_retried_decision_is_stored_and_announced_once()
    {
        var held = new ScheduleMeetingRequest("Kokous", WgTestServices.Now.AddDays(-1), 60, "Teams", null);
        var meeting = await ScheduleAsync(held, "run-2/s1");
        var request = new RecordDecisionRequest(" Kooste ", "ContinueHandling", "Päätös.", "Vastuuhenkilö", [2, 1, 2]);

        var first = await services.RunAsync((RecordDecisionHandler h) => h.HandleAsync(meeting.Id, request, "run-2/d1", default));
        var again = await services.RunAsync((RecordDecisionHandler h) => h.HandleAsync(meeting.Id, request, "run-2/d1", default));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(("Kooste", "ContinueHandling"), (first.Phenomenon, first.Outcome));
        Assert.Equal([1, 2], first.ReportNumbers);
        Assert.Equal(1, await Count(db => db.Decisions.CountAsync()));
        Assert.Equal(1, await Count(db => db.OutboxMessages.CountAsync()));
    }
}
