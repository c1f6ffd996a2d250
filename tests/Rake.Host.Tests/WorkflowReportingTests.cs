using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>Module activities run with the instance's region: CompilePeriodSummary counts that region's reports only.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkflowReportingTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task Compile_period_summary_counts_the_reports_of_the_instances_region_only()
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        using var kainuuReporter = await Host.ClientFor("kainuu-professional");
        using var kymenlaaksoReporter = await Host.ClientFor("kymenlaakso-professional");
        await Reports.SubmitAsync(kainuuReporter, "kainuu");
        await Reports.SubmitAsync(kymenlaaksoReporter, "kymenlaakso");
        await Reports.SubmitAsync(kymenlaaksoReporter, "kymenlaakso");

        var definitionId = $"compile-{Guid.NewGuid():N}"[..30];
        await PublishAsync(admin, "kainuu", Sequence(definitionId,
            Activity("compile", "Rake.Reporting.CompilePeriodSummary", ("period", "current year"))));
        var year = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(2)).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var expected = (await admin.GetFromJsonAsync<JsonObject>($"{Base("kainuu")}/reporting-periods/{year}/summary"))!["totalCount"]!
            .GetValue<int>();

        var instance = await StartAsync(admin, "kainuu", definitionId);

        Assert.Equal("Finished", instance["status"]!.GetValue<string>());
        var messages = instance["journal"]!.AsArray().Select(e => (string?)e!["message"]).ToList();
        Assert.Contains($"Compiled {year}: {expected} reports.", messages);
        // Kymenlaakso's reports of the same year would make the count larger if the activity read across regions.
        Assert.True(expected >= 1);
    }
}
