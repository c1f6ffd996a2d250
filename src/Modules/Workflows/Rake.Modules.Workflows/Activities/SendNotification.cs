using System.Globalization;
using System.Text.Json.Nodes;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Workflows.Activities;

/// <summary>Records a notification to a region role in the instance's journal and output; no channel delivers it yet.</summary>
[Activity("Rake.Workflows.SendNotification", Category = "Rake", DisplayName = "Send notification",
    Description = "Records a notification to a region role (journal and output 'notification'). "
        + "Delivery channels (e-mail, Teams, intranet) come later; today nothing leaves the system.")]
internal sealed class SendNotification : WorkflowActivity
{
    [Input(DisplayName = "Role", Description = "The region role to notify.", UIHint = InputUIHints.DropDown,
        Options = typeof(Rake.BuildingBlocks.Contracts.RegionRole))]
    public string? Role { get; set; }

    [Input(DisplayName = "Message", Description = "The notification text.", UIHint = InputUIHints.MultiLine)]
    public string? Message { get; set; }

    [Output(DisplayName = "Notification", Description = "{role, message, at} as recorded.")]
    public JsonObject? Notification { get; private set; }

    public override ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (!RegionRoles.TryParse(Role, out var role))
        {
            context.Fault($"'{Role}' is not a region role (one of: {RegionRoles.Names}).");
            return ValueTask.CompletedTask;
        }
        Notification = new JsonObject
        {
            ["role"] = role.ToString(),
            ["message"] = Message ?? "",
            ["at"] = context.Time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        };
        context.Journal($"Notification to {role}: {Message}");
        context.Complete();
        return ValueTask.CompletedTask;
    }

    public override IEnumerable<string> Validate(IActivityDesign design)
    {
        if (design.GetExpressionType("role") is null)
        {
            yield return "A notification needs a role.";
        }
        else if (design.TryGetConstantInput<string>("role", out var role) && !RegionRoles.TryParse(role, out _))
        {
            yield return $"'{role}' is not a region role (one of: {RegionRoles.Names}).";
        }
    }
}
