using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Features.AnnualReport;
using Rake.Modules.Reporting.Features.Documents;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Benchmarks;

/// <summary>
/// Measurement 3: the annual social report of one year holding <c>--reports</c> reports (default 100 000) in Kainuu,
/// plus a tenth as many in the year before (the comparison column): the figures (<see cref="AnnualFiguresHandler.FiguresAsync"/>),
/// and the whole output (figures + .docx + HTML + SVG infographic). The figures are checked against the generated reports.
/// </summary>
internal static class AnnualReportBenchmark
{
    private const string Region = "kainuu";
    private const int Year = 2025;

    public static async Task<bool> RunAsync(BenchOptions options, Report report)
    {
        report.Section($"3. Annual social report over {options.Reports:N0} reports of one year ({options.Provider})");
        await using var database = await BenchDatabase.CreateFreshAsync(options, "annual");
        await using var app = await BenchHost.BuildAsync(database, "Production");
        await using var scope = app.Services.CreateAsyncScope();
        var requestContext = scope.ServiceProvider.GetRequiredService<RequestContext>();
        requestContext.SetRegion(new RegionId(Region));
        requestContext.SetUser(Guid.CreateVersion7(), "benchmark", [RegionRole.ResponsiblePerson]);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var handler = scope.ServiceProvider.GetRequiredService<AnnualFiguresHandler>();
        var documents = scope.ServiceProvider.GetRequiredService<AnnualDocumentHandler>();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        var clock = Stopwatch.StartNew();
        // The generator spreads reports over four years; squeeze each set into one year, keeping their order.
        var year = Squeeze(ReportGenerator.Generate(Region, options.Reports, options.Seed), Year);
        var previous = Squeeze(ReportGenerator.Generate(Region, options.Reports / 10, options.Seed + 1), Year - 1)
            .Select(r => r with { Id = Guid.CreateVersion7(r.ReceivedAt), Number = r.Number + options.Reports }).ToList();
        var categoryRows = await ReportGenerator.InsertAsync(connection, database, [.. year, .. previous]);
        if (!database.IsSqlite)
        {
            await using var analyze = BenchDatabase.Command(connection, "ANALYZE");
            await analyze.ExecuteNonQueryAsync();
        }
        report.Line($"Generated {year.Count:N0} reports in {Year} and {previous.Count:N0} in {Year - 1} with {categoryRows:N0} category rows in " +
                    $"{clock.Elapsed.TotalSeconds:0.0} s; {database.Where}");

        // Warm-up, then timed runs.
        var figures = await handler.FiguresAsync(Year, CancellationToken.None);
        var figureTimes = new List<double>();
        var wholeTimes = new List<double>();
        long docxBytes = 0, htmlChars = 0, svgChars = 0;
        for (var run = 0; run < options.Runs; run++)
        {
            var begin = Stopwatch.GetTimestamp();
            figures = await handler.FiguresAsync(Year, CancellationToken.None);
            figureTimes.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);

            begin = Stopwatch.GetTimestamp();
            var document = await documents.DocumentAsync(Year, CancellationToken.None);
            docxBytes = DocxWriter.Write(document).LongLength;
            htmlChars = HtmlWriter.Write(document).Length;
            svgChars = Svg.Infographic(await documents.InfographicAsync(Year, CancellationToken.None)).Length;
            wholeTimes.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
        }
        report.Table(["Annual report " + Year, "Median ms", "Min ms", "Max ms"],
        [
            ["AnnualFiguresHandler.FiguresAsync", F(Median(figureTimes)), F(figureTimes.Min()), F(figureTimes.Max())],
            ["Whole output: figures twice + .docx + HTML + SVG", F(Median(wholeTimes)), F(wholeTimes.Min()), F(wholeTimes.Max())],
        ]);
        report.Line($"Output sizes: .docx {docxBytes / 1024.0:0} KB, HTML {htmlChars / 1024.0:0} KB, SVG {svgChars / 1024.0:0} KB");

        var ok = figures.Total == year.Count && figures.PreviousYearTotal == previous.Count
            && figures.ByType.All(t => t.Count == year.Count(r => r.PhenomenonType == t.Key) && t.Previous == previous.Count(r => r.PhenomenonType == t.Key))
            && figures.ByCategory.All(c => c.Count == year.Count(r => r.Categories.Contains(c.Key)))
            && figures.ByServiceArea.All(s => s.Count == year.Count(r => r.ServiceArea == s.Key))
            && figures.ByStatus.All(s => s.Count == year.Count(r => r.Status == s.Key))
            && figures.ByPeriod.Sum(p => p.Count) == year.Count;
        report.Line(ok ? "Result check: OK (total, types, categories, service areas, statuses and quarters equal the generated reports)" : "Result check: MISMATCH");
        return ok;
    }

    private static List<GeneratedReport> Squeeze(List<GeneratedReport> reports, int year)
    {
        var first = Helsinki.StartOf(ReportGenerator.FirstDay);
        var span = (Helsinki.StartOf(ReportGenerator.EndDay) - first).Ticks;
        var start = Helsinki.StartOf(new DateOnly(year, 1, 1));
        var length = (Helsinki.StartOf(new DateOnly(year + 1, 1, 1)) - start).Ticks;
        return reports.Select(r => r with { ReceivedAt = start.AddTicks((long)((r.ReceivedAt - first).Ticks / (double)span * (length - TimeSpan.TicksPerSecond))) }).ToList();
    }

    private static string F(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", Report.Culture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
