using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.CompareVersions;

internal sealed record DiffLine(char Op, string Text);

internal static class CompareVersionsEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapGet("/versions/{from:int}/diff/{to:int}", (int from, int to, CompareVersionsHandler h, CancellationToken ct) =>
                h.HandleAsync(from, to, ct))
            .WithSummary("Line diff between two versions; 0 is the plan as it is now.");
}

internal sealed class CompareVersionsHandler(PlanningDbContext db, TextCatalog texts, ViewPlanHandler view)
{
    /// <summary>Line diff from version <paramref name="from"/> to <paramref name="to"/>; 0 means the plan as it is now.</summary>
    public async Task<IReadOnlyList<DiffLine>> HandleAsync(int from, int to, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        async Task<string> TextOf(int number) => number == 0
            ? PlanText.Render(await view.HandleAsync(ct), texts)
            : (await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.PlanId == plan.Id && v.Number == number, ct))?.Snapshot
              ?? throw new NotFoundException(texts.Get("planning.version.notFound", number));
        return LineDiff.Compute(await TextOf(from), await TextOf(to));
    }
}

/// <summary>
/// A line diff by DiffPlex (docs/adr/0080): ' ' unchanged, '-' removed, '+' added, removals of a block before its additions.
/// </summary>
internal static class LineDiff
{
    public const int MaxLines = 5000;

    public static IReadOnlyList<DiffLine> Compute(string before, string after) =>
        InlineDiffBuilder.Diff(Bounded(before), Bounded(after), ignoreWhiteSpace: false, ignoreCase: false).Lines
            .Where(l => l.Type is not ChangeType.Imaginary)
            .Select(l => new DiffLine(l.Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' }, l.Text ?? ""))
            .ToList();

    private static string Bounded(string text) => string.Join('\n', text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n').Take(MaxLines));
}
