using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Engine.Expressions;

namespace Rake.Modules.Workflows.Tests;

internal static class TestEngine
{
    public static WorkflowEngine Create(JavaScriptOptions? javaScript = null, TimeProvider? time = null) =>
        new(ActivityRegistry.Default, new ExpressionEvaluator(new JavaScriptSandbox(javaScript ?? new JavaScriptOptions())),
            time ?? TimeProvider.System);

    public static WorkflowPublisher Publisher() => new(ActivityRegistry.Default, TimeProvider.System);

    /// <summary>The conformance harness 'run-until-end': resume every bookmark until finished or none is left.</summary>
    public static async Task<WorkflowInstance> RunUntilEndAsync(WorkflowEngine engine, WorkflowDefinition definition, RunOptions options)
    {
        var instance = await engine.StartAsync(definition, options);
        for (var round = 0; round < 100 && instance.Status != WorkflowStatus.Finished && instance.Bookmarks.Count > 0; round++)
        {
            foreach (var bookmark in instance.Bookmarks.ToList())
            {
                await engine.ResumeAsync(instance, bookmark.Id, null);
            }
        }
        return instance;
    }
}
