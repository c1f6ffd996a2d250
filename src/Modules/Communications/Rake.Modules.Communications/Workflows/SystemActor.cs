using Microsoft.Extensions.DependencyInjection;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Communications.Workflows;

/// <summary>
/// How a communications activity reaches its use case: in a scope of its own whose actor is the region's system actor
/// (the definition was checked when a region administrator published it), the request checked by the same validators as
/// the API, then the same handler. The run's services must be a region's (a missing one is a configuration error).
/// </summary>
internal static class SystemActor
{
    public const string Name = "Rake workflow";

    public static AsyncServiceScope Begin(IActivityExecutionContext context)
    {
        var region = context.Services.GetRequiredService<IRequestContext>().Region
            ?? throw new InvalidOperationException("A workflow run's services must act in a region.");
        var scope = context.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(region, Name);
        return scope;
    }

    public static Task CheckAsync(this AsyncServiceScope scope, object request, CancellationToken ct) =>
        scope.ServiceProvider.GetRequiredService<RequestChecks>().ThrowIfInvalidAsync(request, ct);

    public static T Get<T>(this AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public static string Describe(RakeProblemException problem) =>
        problem is ValidationException v
            ? string.Join("; ", v.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))
            : problem.Message;

    public static string SourceKey(IActivityExecutionContext context) => $"wf:{context.WorkflowInstanceId}:{context.ActivityId}";
}
