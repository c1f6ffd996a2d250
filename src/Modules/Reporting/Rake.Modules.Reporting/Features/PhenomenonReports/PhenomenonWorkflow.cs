using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rake.Modules.Workflows.Contracts;

namespace Rake.Modules.Reporting.Features.PhenomenonReports;

/// <summary>
/// The steps of Kymenlaakso's phenomenon-report workflow (002_…): each is a task that opens the report's page, and each is done
/// once the report's own stage has moved past it. The report owns the stage (docs/adr/0173): a step never moves it.
/// </summary>
internal enum PhenomenonStep
{
    Choose,
    Workshop1,
    Workshop2,
    Draft,
    Comments,
    Decision,
    Publication,
}

internal static class PhenomenonSteps
{
    /// <summary>What "My tasks" and the workflow's payload call a step: <c>phenomenon-report.Workshop1</c>.</summary>
    public static string FormKey(PhenomenonStep step) => $"phenomenon-report.{step}";

    /// <summary>The stage at which a step is done: the workshop round 1 when round 2 begins, the comments when the decision does.</summary>
    public static PhenomenonReportStage DoneAt(PhenomenonStep step) => step switch
    {
        PhenomenonStep.Choose => PhenomenonReportStage.Chosen,
        PhenomenonStep.Workshop1 => PhenomenonReportStage.Workshop2,
        PhenomenonStep.Workshop2 => PhenomenonReportStage.Drafting,
        PhenomenonStep.Draft => PhenomenonReportStage.Commenting,
        PhenomenonStep.Comments => PhenomenonReportStage.Deciding,
        PhenomenonStep.Decision => PhenomenonReportStage.Decided,
        _ => PhenomenonReportStage.Published,
    };

    public static bool IsDone(PhenomenonStep step, PhenomenonReportStage stage) => stage >= DoneAt(step);

    public static IReadOnlyList<string> DoneKeys(PhenomenonReportStage stage) =>
        Enum.GetValues<PhenomenonStep>().Where(s => IsDone(s, stage)).Select(FormKey).ToList();
}

/// <summary>
/// Keeps a report's workflow tasks in step with its stage: after each stage change the run's tasks of the steps now done are
/// completed, so the person who did the stage on the page does not complete a task as well.
/// </summary>
internal sealed class PhenomenonWorkflowHandler(ReportingDbContext db, IServiceProvider services, ILogger<PhenomenonWorkflowHandler> log)
{
    private IWorkflowFormTasksApi? Tasks => services.GetService<IWorkflowFormTasksApi>();

    /// <summary>The report of a run, or null before the phenomenon is chosen (or when the run is not a phenomenon report's).</summary>
    public Task<PhenomenonReport?> OfRunAsync(Guid runId, CancellationToken ct) =>
        db.PhenomenonReports.AsNoTracking().FirstOrDefaultAsync(p => p.WorkflowRunId == runId, ct);

    /// <summary>The run's open step tasks (the page shows which step it is in); empty without a run.</summary>
    public async Task<IReadOnlyList<FormTask>> OpenStepsAsync(Guid? runId, CancellationToken ct) =>
        runId is { } run && Tasks is { } tasks
            ? (await tasks.OpenAsync(run, ct)).Where(t => t.FormKey.StartsWith("phenomenon-report.", StringComparison.Ordinal)).ToList()
            : [];

    /// <summary>Whether the run waits for its phenomenon to be chosen: it is this region's and its choice task is open.</summary>
    public async Task<bool> AwaitsChoiceAsync(Guid runId, CancellationToken ct) =>
        !await db.PhenomenonReports.AnyAsync(p => p.WorkflowRunId == runId, ct)
        && (await OpenStepsAsync(runId, ct)).Any(t => t.FormKey == PhenomenonSteps.FormKey(PhenomenonStep.Choose));

    /// <summary>Completes the run's tasks of every step the report's stage has passed. The stage is already saved: a task left open
    /// by a failure here is completed by the next stage change, so the failure is logged and the person's save stands.</summary>
    public async Task SyncAsync(PhenomenonReport report, CancellationToken ct)
    {
        if (report.WorkflowRunId is not { } run || Tasks is not { } tasks)
        {
            return;
        }
        try
        {
            await tasks.CompleteAsync(run, PhenomenonSteps.DoneKeys(report.Stage), null, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "The workflow run {Run} of phenomenon report {Report} did not follow its stage {Stage}.", run, report.Id,
                report.Stage);
        }
    }
}
