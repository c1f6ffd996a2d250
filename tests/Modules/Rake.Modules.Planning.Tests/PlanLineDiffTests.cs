using Rake.Modules.Planning.Features.CompareVersions;

namespace Rake.Modules.Planning.Tests;

/// <summary>The plan's version diff (DiffPlex underneath) in the shape the plan page shows: one row per line, ' ', '-' or '+'.</summary>
public sealed class PlanLineDiffTests
{
    private static string Show(string before, string after) =>
        string.Join("|", LineDiff.Compute(before, after).Select(l => $"{l.Op}{l.Text}"));

    [Fact]
    public void A_changed_line_is_removed_then_added_and_the_rest_stays_in_order()
    {
        Assert.Equal(" # Suunnitelma|-Tavoite: vähentää|+Tavoite: ehkäistä| ## Toimenpiteet|+- uusi toimenpide",
            Show("# Suunnitelma\nTavoite: vähentää\n## Toimenpiteet\n",
                "# Suunnitelma\nTavoite: ehkäistä\n## Toimenpiteet\n- uusi toimenpide"));
    }

    [Fact]
    public void Line_ends_and_a_final_newline_do_not_count_as_changes_but_whitespace_inside_a_line_does()
    {
        Assert.Equal(" a| b", Show("a\r\nb\r\n", "a\nb"));
        Assert.Equal("-a  b|+a b", Show("a  b", "a b"));
        Assert.DoesNotContain(LineDiff.Compute("", ""), l => l.Op != ' ');
    }

    [Fact]
    public void Removed_and_added_blocks_at_either_end_are_reported()
    {
        Assert.Equal("-alku| keski|+loppu", Show("alku\nkeski", "keski\nloppu"));
    }
}
