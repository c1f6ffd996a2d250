using Microsoft.Extensions.Configuration;
using Rake.Modules.Competence.Features.Surveys;

namespace Rake.Modules.Competence.Features.CompareSurveys;

/// <summary>An area's mean in each round and the change; null means hidden (fewer respondents than the threshold).</summary>
internal sealed record AreaComparison(string Code, string Name, double? Before, double? After, double? Change);

/// <summary>A unit's comparison; <see cref="Hidden"/> when either round has fewer respondents than the minimum group size.</summary>
internal sealed record UnitComparison(
    string Code, string Name, int? RespondentsBefore, int? RespondentsAfter, bool Hidden, IReadOnlyList<AreaComparison> Areas);

internal sealed record ComparisonDto(SurveyDto Before, SurveyDto After, int MinimumGroupSize, IReadOnlyList<UnitComparison> Units);

internal static class CompareSurveysEndpoint
{
    public static void Map(IEndpointRouteBuilder surveys)
    {
        surveys.MapGet("/{before:guid}/compare/{after:guid}",
                (Guid before, Guid after, CompareSurveysHandler h, CancellationToken ct) => h.HandleAsync(before, after, ct))
            .WithSummary("Per unit and area, the mean of two rounds and the change; units below the minimum group size are hidden.");
        surveys.MapGet("/{before:guid}/compare/{after:guid}/chart.svg",
                async (Guid before, Guid after, string? unit, CompareSurveysHandler h, CancellationToken ct) =>
                {
                    var comparison = await h.HandleAsync(before, after, ct);
                    var row = comparison.Units.FirstOrDefault(u => u.Code == (unit ?? CompareSurveysHandler.AllUnits));
                    if (row is null || row.Hidden)
                    {
                        return Results.NotFound();
                    }
                    return Results.Content(ComparisonChart.Svg("chart", row, comparison.After.ScaleMax, row.Name,
                        $"{comparison.Before.Round}", $"{comparison.After.Round}"), "image/svg+xml");
                })
            .WithSummary("The comparison of one unit (default: all units) as an SVG bar chart; 404 for a hidden unit.");
    }
}

/// <summary>
/// Per unit and area, the mean of two rounds and the change. Aggregates of a unit with fewer than
/// <c>Competence:MinimumGroupSize</c> (default 5) respondents in either round are never shown.
/// </summary>
internal sealed class CompareSurveysHandler(CompetenceDbContext db, SurveyReader reader, TextCatalog texts, IConfiguration configuration)
{
    /// <summary>The code of the row that totals the units that are shown.</summary>
    public const string AllUnits = "*";

    public int MinimumGroupSize => Math.Max(2, configuration.GetValue<int?>("Competence:MinimumGroupSize") ?? 5);

    public async Task<ComparisonDto> HandleAsync(Guid beforeId, Guid afterId, CancellationToken ct)
    {
        var before = await reader.FindAsync(beforeId, ct);
        var after = await reader.FindAsync(afterId, ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Code, u.Name }).ToListAsync(ct);
        var tallies = await db.Tallies.AsNoTracking().Where(t => t.SurveyId == beforeId || t.SurveyId == afterId).ToListAsync(ct);
        var minimum = MinimumGroupSize;
        var areas = after.Areas.Where(a => before.Areas.Any(b => b.Code == a.Code)).ToList();
        int Respondents(Guid survey, Func<SurveyTally, bool> unit) =>
            tallies.Where(t => t.SurveyId == survey && unit(t)).GroupBy(t => t.UnitCode).Sum(g => g.Max(t => t.Count));
        double? Mean(Guid survey, string area, Func<SurveyTally, bool> unit)
        {
            var rows = tallies.Where(t => t.SurveyId == survey && t.AreaCode == area && unit(t)).ToList();
            var count = rows.Sum(r => r.Count);
            return count == 0 ? null : Math.Round((double)rows.Sum(r => r.Sum) / count, 2);
        }
        UnitComparison Compare(string code, string name, Func<SurveyTally, bool> unit)
        {
            var nBefore = Respondents(beforeId, unit);
            var nAfter = Respondents(afterId, unit);
            if (nBefore < minimum || nAfter < minimum)
            {
                return new UnitComparison(code, name, null, null, true, []);
            }
            return new UnitComparison(code, name, nBefore, nAfter, false, areas.Select(a =>
            {
                var b = Mean(beforeId, a.Code, unit);
                var c = Mean(afterId, a.Code, unit);
                return new AreaComparison(a.Code, a.Name, b, c, b is null || c is null ? null : Math.Round(c.Value - b.Value, 2));
            }).ToList());
        }
        var perUnit = units.Select(u => Compare(u.Code, u.Name, t => t.UnitCode == u.Code)).ToList();
        // The total covers only the units that are shown: otherwise a hidden unit's figures would be the total minus the others.
        var shown = perUnit.Where(u => !u.Hidden).Select(u => u.Code).ToHashSet();
        var result = new List<UnitComparison> { Compare(AllUnits, texts["competence.allUnits"], t => shown.Contains(t.UnitCode)) };
        result.AddRange(perUnit);
        return new ComparisonDto(before, after, minimum, result);
    }
}
