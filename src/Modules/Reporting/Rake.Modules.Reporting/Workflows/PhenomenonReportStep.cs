using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Reporting.Features.PhenomenonReports;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Reporting.Workflows;

/// <summary>
/// One step of a phenomenon-based report (Kymenlaakso, 002_…) as a human task that opens the report's page at that stage.
/// The report owns its stage (docs/adr/0173): the task is completed when the stage moves on on the page or through the API,
/// never in "My tasks", and a step whose stage has already passed completes at once. The choice is the first step: its task
/// leads to the choice form with this run, and the report chosen there follows the run from then on.
/// </summary>
[Activity("Rake.Reporting.PhenomenonReportStep", Category = "Rake Reporting", DisplayName = "Phenomenon report step",
    Description = "A task for a role at one stage of the phenomenon-based report (choice with the four criteria, workshop 1, "
        + "workshop 2, draft, comments, decision, publication); it links to the report's page and is done when that stage is.")]
internal sealed class PhenomenonReportStep : WorkflowActivity
{
    internal const int MaxTitleLength = 300;

    [Input(DisplayName = "Step", Description = "Choose, Workshop1, Workshop2, Draft, Comments, Decision or Publication.",
        UIHint = InputUIHints.DropDown, Options = typeof(PhenomenonStep))]
    public string? Step { get; set; }

    [Input(DisplayName = "Role", Description = "The region role whose members get the task, e.g. WorkingGroupMember.",
        UIHint = InputUIHints.DropDown, Options = typeof(RegionRole))]
    public string? Role { get; set; }

    [Input(DisplayName = "Title", Description = "What to do, as shown in the inbox.")]
    public string? Title { get; set; }

    [Input(DisplayName = "Description", UIHint = InputUIHints.MultiLine)]
    public string? Description { get; set; }

    [Input(DisplayName = "Title in Swedish")]
    public string? TitleSv { get; set; }

    [Input(DisplayName = "Title in English")]
    public string? TitleEn { get; set; }

    [Input(DisplayName = "Description in Swedish", UIHint = InputUIHints.MultiLine)]
    public string? DescriptionSv { get; set; }

    [Input(DisplayName = "Description in English", UIHint = InputUIHints.MultiLine)]
    public string? DescriptionEn { get; set; }

    [Input(DisplayName = "Due in days", Description = "Calendar days (Europe/Helsinki) from the day the task is created.")]
    public int? DueInDays { get; set; }

    [Output(DisplayName = "Report", Description = "The id of the phenomenon-based report this run follows.")]
    public string? ReportId { get; set; }

    [Output(DisplayName = "Stage", Description = "The report's stage when the step was done.")]
    public string? Stage { get; set; }

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!Enum.TryParse<PhenomenonStep>(Step, ignoreCase: true, out var step) || !Enum.IsDefined(step))
        {
            context.Fault($"'{Step}' is not a step of a phenomenon report ({string.Join(", ", Enum.GetNames<PhenomenonStep>())}).");
            return;
        }
        if (!Enum.TryParse<RegionRole>(Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            context.Fault($"'{Role}' is not a region role.");
            return;
        }
        var report = await ReportAsync(context);
        if (report is not null && PhenomenonSteps.IsDone(step, report.Stage))
        {
            // The stage passed before the run got here (the decision taken straight from the comments): nothing left to ask.
            Done(context, step, report, "already");
            return;
        }
        var today = Helsinki.Today(context.Time);
        DateOnly? due = DueInDays is { } days ? today.AddDays(Math.Max(0, days)) : null;
        var dueAt = due is { } d ? Helsinki.StartOf(d.AddDays(1)).AddTicks(-1) : (DateTimeOffset?)null;
        var payload = new JsonObject
        {
            ["role"] = role.ToString(),
            ["title"] = Title ?? "",
            ["description"] = Description,
            ["dueDate"] = due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["dueAt"] = dueAt?.ToString("O", CultureInfo.InvariantCulture),
            ["outcomes"] = new JsonArray(DoneOutcome),
            ["createdAt"] = context.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            // Relative to the region's pages; the form key tells the inbox that the page, not the inbox, completes the task.
            ["form"] = report is null ? $"phenomenon-reports/new?run={RunId(context)}" : $"phenomenon-reports/{report.Id}",
            ["formKey"] = PhenomenonSteps.FormKey(step),
        };
        if (LocalisedInput.Versions(Title, TitleSv, TitleEn) is { } titles)
        {
            payload["titles"] = titles;
        }
        if (LocalisedInput.Versions(Description, DescriptionSv, DescriptionEn) is { } descriptions)
        {
            payload["descriptions"] = descriptions;
        }
        context.CreateBookmark(BookmarkRequest.ForHumanTask(role.ToString(), payload, dueAt));
        context.Journal(report is null
            ? $"Step {step} of the phenomenon report asked of {role}; the report is chosen in its form."
            : $"Step {step} of the phenomenon report '{report.Title}' asked of {role} (stage {report.Stage}).");
    }

    public override async ValueTask ResumeAsync(IActivityExecutionContext context, ResumedBookmark bookmark)
    {
        var step = Enum.Parse<PhenomenonStep>(Step!, ignoreCase: true);
        var report = await ReportAsync(context);
        if (report is not null && PhenomenonSteps.IsDone(step, report.Stage))
        {
            Done(context, step, report, "done");
            return;
        }
        // Only the report's page completes these tasks; an administrator's resume (or a simulated year) still moves the run on.
        context.Journal(report is null
            ? $"Step {step} was completed without a phenomenon report chosen in its form."
            : $"Step {step} was completed while the report '{report.Title}' is still at stage {report.Stage}.");
        ReportId = report?.Id.ToString();
        Stage = report?.Stage.ToString();
        context.Complete();
    }

    private void Done(IActivityExecutionContext context, PhenomenonStep step, PhenomenonReport report, string how)
    {
        ReportId = report.Id.ToString();
        Stage = report.Stage.ToString();
        context.Journal(how == "already"
            ? $"Step {step} of the phenomenon report '{report.Title}' was already done (stage {report.Stage})."
            : $"Step {step} of the phenomenon report '{report.Title}' done (stage {report.Stage}).");
        context.Complete();
    }

    private static string RunId(IActivityExecutionContext context) =>
        Guid.TryParse(context.WorkflowInstanceId, out var run) ? run.ToString() : context.WorkflowInstanceId;

    private static async Task<PhenomenonReport?> ReportAsync(IActivityExecutionContext context) =>
        Guid.TryParse(context.WorkflowInstanceId, out var run)
            ? await context.Services.GetRequiredService<PhenomenonWorkflowHandler>().OfRunAsync(run, context.CancellationToken)
            : null;

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("step") is null)
        {
            yield return "The step of the phenomenon report is missing.";
        }
        else if (design.TryGetConstantInput<string>("step", out var step) && !Enum.TryParse<PhenomenonStep>(step, true, out _))
        {
            yield return $"'{step}' is not a step of a phenomenon report ({string.Join(", ", Enum.GetNames<PhenomenonStep>())}).";
        }
        if (design.GetExpressionType("role") is null)
        {
            yield return "The task needs a role.";
        }
        else if (design.TryGetConstantInput<string>("role", out var role) && !Enum.TryParse<RegionRole>(role, true, out _))
        {
            yield return $"'{role}' is not a region role.";
        }
        if (design.GetExpressionType("title") is null)
        {
            yield return "The task's title is missing.";
        }
        foreach (var problem in LocalisedInput.Validate(design, "title", "title", MaxTitleLength)
            .Concat(LocalisedInput.Validate(design, "description", "description", PhenomenonReport.TextMax)))
        {
            yield return problem;
        }
    }
}
