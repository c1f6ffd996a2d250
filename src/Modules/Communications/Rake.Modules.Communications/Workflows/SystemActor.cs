using Microsoft.Extensions.DependencyInjection;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Communications.Workflows;

/// <summary>
/// How a communications activity reaches its use case: in a scope of its own whose actor is the region's system actor
/// (the definition was checked when a region administrator published it), the request checked by the same validators as
/// the API, then the same handler. An engine without a host (the engine's own year simulations) has no services; there
/// the activity only records what it would have done, so a simulated year runs through.
/// </summary>
internal static class SystemActor
{
    public const string Name = "Rake workflow";

    public static AsyncServiceScope? Begin(IActivityExecutionContext context)
    {
        if (context.Services.GetService(typeof(IServiceScopeFactory)) is not IServiceScopeFactory scopes
            || context.Services.GetService(typeof(IRequestContext)) is not IRequestContext { Region: { } region })
        {
            return null;
        }
        var scope = scopes.CreateAsyncScope();
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
