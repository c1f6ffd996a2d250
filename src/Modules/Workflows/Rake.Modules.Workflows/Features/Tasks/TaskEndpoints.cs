using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Mapping;
using Rake.BuildingBlocks.Privacy;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows.Features.Instances;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Modules.Workflows.Features.Tasks;

internal sealed record CompleteTaskRequest(string? Outcome, [ScreenedText] string? Comment);

internal static class TaskEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/workflow-tasks", (TasksHandler h, CancellationToken ct) => h.MineAsync(ct))
            .WithTags("Workflows").WithSummary("My tasks: open human tasks for the caller's roles in this region.");
        api.MapPost("/workflow-tasks/{id:guid}/complete", async (
                Guid id, CompleteTaskRequest? request, TasksHandler h, CancellationToken ct) =>
            {
                await h.CompleteAsync(id, request ?? new CompleteTaskRequest(null, null), ct);
                return Results.NoContent();
            })
            .WithTags("Workflows").WithSummary("Complete a human task of one of the caller's roles; the workflow resumes.");
    }
}

internal sealed class CompleteTaskValidator : RequestValidator<CompleteTaskRequest>
{
    public const int CommentMax = 4000;
    public const int OutcomeMax = 200;

    public CompleteTaskValidator(TextCatalog texts) : base(texts)
    {
        OptionalText(r => r.Comment, CommentMax);
        OptionalText(r => r.Outcome, OutcomeMax);
    }
}

internal sealed class TasksHandler(
    WorkflowRuntime runtime, IRequestContext actor, ModuleMapper<WorkflowsModule> mapper, TextCatalog texts)
{
    public async Task<IReadOnlyList<BookmarkDto>> MineAsync(CancellationToken ct) =>
        mapper.MapAll<BookmarkDto>(await runtime.OpenTasksAsync(ct));

    public async Task CompleteAsync(Guid id, CompleteTaskRequest request, CancellationToken ct)
    {
        var task = await runtime.FindTaskAsync(id, ct) ?? throw new NotFoundException($"No workflow task {id} in this region.");
        if (!runtime.MayComplete(task))
        {
            throw new ForbiddenException($"This task is for the role {task.Role ?? "RegionAdmin"}, which you do not hold in this region.");
        }
        if (WorkflowFormTasksApi.IsFormTask(task))
        {
            // Its page owns the result (a stage of a phenomenon report): completing it here would be a second, empty entry.
            throw new ConflictException(texts["workflows.tasks.formOnly"]);
        }
        var input = new JsonObject
        {
            ["outcome"] = request.Outcome,
            ["comment"] = request.Comment,
            ["completedBy"] = actor.UserName,
        };
        var outcome = await runtime.ResumeAsync(task.Id, input, actor.UserName, ct);
        if (outcome == ResumeOutcome.AlreadyCompleted)
        {
            throw new ConflictException("This task has already been completed.");
        }
        if (outcome == ResumeOutcome.NotFound)
        {
            throw new NotFoundException($"No workflow task {id} in this region.");
        }
    }
}
