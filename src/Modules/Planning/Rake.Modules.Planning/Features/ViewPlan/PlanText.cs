using System.Text;

namespace Rake.Modules.Planning.Features.ViewPlan;

/// <summary>The plan as plain text, one fact per line, for versions and their comparison.</summary>
internal static class PlanText
{
    public static string Render(PlanDto plan, TextCatalog texts)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {plan.Title}");
        text.AppendLine($"{texts.GetIn("fi", "planning.validity")}: {plan.ValidFrom:d.M.yyyy}–{plan.ValidUntil:d.M.yyyy}");
        foreach (var section in plan.Sections)
        {
            text.AppendLine($"## {texts.GetIn("fi", $"planning.section.{section.Key}")}");
            foreach (var line in Lines(section.Content))
            {
                text.AppendLine(line);
            }
            if (section.DevelopmentNeeds.Length > 0)
            {
                text.AppendLine($"### {texts.GetIn("fi", "planning.developmentNeeds")}");
                foreach (var line in Lines(section.DevelopmentNeeds))
                {
                    text.AppendLine(line);
                }
            }
        }
        text.AppendLine($"## {texts.GetIn("fi", "planning.goalsAndActions")}");
        foreach (var goal in plan.Goals)
        {
            text.AppendLine($"{goal.Position}. {goal.Title}");
            foreach (var action in goal.Actions)
            {
                text.AppendLine($"- {action.Title} ({action.Responsible}{(action.Year is { } y ? $", {y}" : "")})");
            }
        }
        text.AppendLine($"## {texts.GetIn("fi", "planning.approvals")}");
        foreach (var approval in plan.Approvals)
        {
            text.AppendLine($"- {approval.On:d.M.yyyy} {approval.Body}{(approval.Approver is null ? "" : $" ({approval.Approver})")}");
        }
        return text.ToString();
    }

    public static IEnumerable<string> Lines(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0);
}
