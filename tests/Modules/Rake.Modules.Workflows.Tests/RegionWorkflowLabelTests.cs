using System.Text.RegularExpressions;

namespace Rake.Modules.Workflows.Tests;

/// <summary>Issue 15, "the designer in the admin's words": the canvas label (metadata.displayText) of every activity of every
/// region workflow file is Finnish text of its own, not the generated name the Studio would otherwise show.</summary>
public sealed partial class RegionWorkflowLabelTests
{
    public static TheoryData<string> Files() => new(
        Directory.EnumerateFiles(RakeWorkflows.WorkflowsFolder, "*.json", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(RakeWorkflows.WorkflowsFolder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_activity_has_a_finnish_display_text(string file)
    {
        var definition = RakeWorkflows.Load(file);

        Assert.All(definition.AllActivities(), activity =>
        {
            var text = activity.DisplayText;
            Assert.False(string.IsNullOrWhiteSpace(text), $"{file}: activity '{activity.Id}' has no display text");
            Assert.NotEqual(activity.Name, text);
            Assert.DoesNotMatch(GeneratedName(), text);
            // Finnish: written with the words the region's staff use; the type's English name never stands in for it.
            Assert.DoesNotContain(activity.Type.Split('.')[^1], text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(EnglishWord(), text);
        });
    }

    [Fact]
    public void The_may_meeting_reads_as_the_admin_knows_it()
    {
        var definition = RakeWorkflows.Load("kainuu/annual-cycle.json");

        Assert.Equal("RAKE-työryhmän kokous (toukokuu)", definition.AllActivities().Single(a => a.Id == "may-meeting").DisplayText);
        Assert.Equal("Ajastus: toukokuun alku", definition.AllActivities().Single(a => a.Id == "may").DisplayText);
    }

    [GeneratedRegex(@"^[A-Za-z]+\d+$")]
    private static partial Regex GeneratedName();

    /// <summary>English words a label copied from the toolbox or Elsa's samples would carry.</summary>
    [GeneratedRegex(@"\b(the|and|of|to|for|task|meeting|start|end|send|notify|notification|publish|schedule|cron|timer|report|"
        + @"compile|summary|survey|agenda|decision|item|flowchart|event|wait)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();
}
