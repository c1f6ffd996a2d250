using Rake.Modules.Communications.Features.ApprovePublication;
using Rake.Modules.Communications.Features.CreatePublication;
using Rake.Modules.Communications.Features.ListDistributionLists;
using Rake.Modules.Communications.Features.Publications;
using Rake.Modules.Communications.Features.PublishPublication;
using Rake.Modules.Communications.Features.ScheduleInfoSession;
using Rake.Modules.Communications.Features.SendToList;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Communications.Workflows;

/// <summary>
/// Publishes an item in the instance's region (intranet or website channel), so it shows in the region's public Atom feed.
/// Once per (instance, activity): a retried run finds the item it made before.
/// </summary>
[Activity("Rake.Communications.Publish", Category = "Rake Communications", DisplayName = "Publish",
    Description = "Publishes an item (intranet page item, news, blog post, newsletter, media release, half-year compilation, "
        + "annual social report) in the region's intranet or website feed. Outputs the publication id.")]
internal sealed class Publish : WorkflowActivity
{
    [Input(DisplayName = "Kind",
        Description = "IntranetPage, News, BlogPost, Newsletter, MediaRelease, HalfYearCompilation or AnnualSocialReport.")]
    public string? Kind { get; set; } = "News";

    [Input(DisplayName = "Channel", Description = "Intranet or Website: the feed it appears in.")]
    public string? Channel { get; set; } = "Intranet";

    [Input(DisplayName = "Title", Description = "The headline.")]
    public string? Title { get; set; }

    [Input(DisplayName = "Text", Description = "The text in Markdown (no HTML).", UIHint = InputUIHints.MultiLine)]
    public string? Body { get; set; }

    [Output(DisplayName = "Publication", Description = "The id of the published item.")]
    public string? PublicationId { get; private set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        await using (var scope = SystemActor.Begin(context))
        {
            try
            {
                var ct = context.CancellationToken;
                var request = new PublicationRequest(Kind, Channel, "fi", Title, null, Body, null);
                await scope.CheckAsync(request, ct);
                // Drafted, approved and published at once; a retried run picks up the item where the last run left it.
                var item = await scope.Get<CreatePublicationHandler>().HandleAsync(request, SystemActor.SourceKey(context), ct);
                if (item.Status == nameof(Domain.PublicationStatus.Draft))
                {
                    item = await scope.Get<ApprovePublicationHandler>().HandleAsync(item.Id, ct);
                }
                if (item.Status == nameof(Domain.PublicationStatus.Approved))
                {
                    item = await scope.Get<PublishPublicationHandler>().HandleAsync(item.Id, ct);
                }
                PublicationId = item.Id.ToString("D");
                context.Journal($"Published '{item.Title}' in the {item.Channel} feed.");
                context.Complete();
            }
            catch (ValidationException problem)
            {
                context.Fault("The publication is not valid: " + SystemActor.Describe(problem));
            }
        }
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("title") is null)
        {
            yield return "The title is missing.";
        }
        if (design.GetExpressionType("body") is null)
        {
            yield return "The text is missing.";
        }
        if (design.TryGetConstantInput<string>("kind", out var kind) && kind is not null
            && !Enum.TryParse<Domain.PublicationKind>(kind, true, out _))
        {
            yield return $"'{kind}' is no kind of publication: use {string.Join(", ", Enum.GetNames<Domain.PublicationKind>())}.";
        }
        if (design.TryGetConstantInput<string>("channel", out var channel) && channel is not null
            && !Enum.TryParse<Domain.PublicationChannel>(channel, true, out _))
        {
            yield return $"'{channel}' is no channel: use Intranet or Website.";
        }
    }
}

/// <summary>
/// Queues an e-mail to every member of a named distribution list of the region; the delivery worker sends it and retries failures.
/// </summary>
[Activity("Rake.Communications.SendToDistributionList", Category = "Rake Communications", DisplayName = "Send to distribution list",
    Description = "E-mails every member of the region's distribution list (by name). Delivery is retried; failures show on the mail "
        + "page. Outputs how many e-mails were queued.")]
internal sealed class SendToDistributionList : WorkflowActivity
{
    [Input(DisplayName = "List", Description = "The distribution list's name, e.g. 'RAKE-työryhmä'.", UIHint = InputUIHints.DropDown,
        Options = typeof(DistributionListOptions))]
    public string? List { get; set; }

    [Input(DisplayName = "Subject", Description = "One line.")]
    public string? Subject { get; set; }

    [Input(DisplayName = "Message", Description = "Plain text.", UIHint = InputUIHints.MultiLine)]
    public string? Message { get; set; }

    [Output(DisplayName = "Queued", Description = "How many e-mails were queued.")]
    public int? Queued { get; private set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        await using (var scope = SystemActor.Begin(context))
        {
            var ct = context.CancellationToken;
            var lists = await scope.Get<ListDistributionListsHandler>().HandleAsync(ct);
            var list = lists.FirstOrDefault(l => string.Equals(l.Name, List?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (list is null)
            {
                context.Fault($"The region has no distribution list '{List}'. Lists: {string.Join(", ", lists.Select(l => l.Name))}.");
                return;
            }
            try
            {
                var request = new ListMessageRequest(Subject, Message);
                await scope.CheckAsync(request, ct);
                var queued = await scope.Get<SendToListHandler>().HandleAsync(list.Id, request, SystemActor.SourceKey(context), ct);
                Queued = queued.Count;
                context.Journal($"Queued {queued.Count} e-mails to '{list.Name}'.");
                context.Complete();
            }
            catch (RakeProblemException problem)
            {
                var details = problem is ValidationException ? SystemActor.Describe(problem) : "";
                context.Fault($"Could not e-mail '{list.Name}': {problem.Message} {details}".Trim());
            }
        }
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        foreach (var (name, text) in new[] { ("list", "distribution list"), ("subject", "subject"), ("message", "message") })
        {
            if (design.GetExpressionType(name) is null)
            {
                yield return $"The {text} is missing.";
            }
        }
    }
}

/// <summary>Schedules an info session in the region: a staff info after a reporting period, or a sector info.</summary>
[Activity("Rake.Communications.ScheduleInfoSession", Category = "Rake Communications", DisplayName = "Schedule info session",
    Description = "Schedules a staff info (after each reporting period) or a sector info (toimialainfo) a number of days from now, "
        + "at 13:00 Helsinki time. Outputs the session id and its start.")]
internal sealed class ScheduleInfoSession : WorkflowActivity
{
    [Input(DisplayName = "Kind", Description = "StaffInfo or SectorInfo.")]
    public string? Kind { get; set; } = "StaffInfo";

    [Input(DisplayName = "Title", Description = "What the session is about.")]
    public string? Title { get; set; }

    [Input(DisplayName = "Days from now", Description = "When the session is held, in days from the moment this step runs.")]
    public int DaysFromNow { get; set; } = 14;

    [Input(DisplayName = "Place", Description = "Room or Teams.")]
    public string? Location { get; set; } = "Teams";

    [Output(DisplayName = "Session", Description = "The id of the scheduled session.")]
    public string? SessionId { get; private set; }

    [Output(DisplayName = "Starts", Description = "Start time, ISO 8601.")]
    public string? StartsAt { get; private set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var day = Rake.BuildingBlocks.Regions.Helsinki.Today(context.Time).AddDays(Math.Clamp(DaysFromNow, 0, 365));
        var starts = Rake.BuildingBlocks.Regions.Helsinki.StartOf(day).AddHours(13);
        StartsAt = starts.ToString("O");
        await using (var scope = SystemActor.Begin(context))
        {
            try
            {
                var request = new InfoSessionRequest(Kind, Title, starts, Location, null);
                await scope.CheckAsync(request, context.CancellationToken);
                var session = await scope.Get<ScheduleInfoSessionHandler>()
                    .HandleAsync(request, SystemActor.SourceKey(context), context.CancellationToken);
                SessionId = session.Id.ToString("D");
                context.Journal($"Scheduled {session.Kind} '{session.Title}' on {day:yyyy-MM-dd}.");
                context.Complete();
            }
            catch (ValidationException problem)
            {
                context.Fault("The info session is not valid: " + SystemActor.Describe(problem));
            }
        }
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("title") is null)
        {
            yield return "The title is missing.";
        }
        if (design.TryGetConstantInput<string>("kind", out var kind) && kind is not null
            && !Enum.TryParse<Domain.InfoSessionKind>(kind, true, out _))
        {
            yield return $"'{kind}' is no kind of info session: use StaffInfo or SectorInfo.";
        }
        if (design.TryGetConstantInput<int>("daysFromNow", out var days) && days is < 0 or > 365)
        {
            yield return $"Days from now must be 0–365, not {days}.";
        }
    }
}
