using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Host.Tests;

/// <summary>
/// Report numbers from the region's counter row (docs/adr/0123): many submissions at once in two regions, on whichever
/// database the tests run on, and a unit of work that fails after taking its number.
/// </summary>
public sealed class ReportNumberCounterTests
{
    private static readonly string[] Regions = ["kainuu", "kymenlaakso"];

    [Fact]
    public async Task Sixty_four_concurrent_submissions_in_two_regions_get_numbers_that_run_on_without_gaps_or_duplicates()
    {
        await using var host = await RakeTestHost.StartAsync();
        var before = new Dictionary<string, (int Count, int Max)>();
        foreach (var region in Regions)
        {
            before[region] = await StoredAsync(host, region);
            // The demo data's own numbers run 1..n, so the counter's first use continues them.
            Assert.Equal(before[region].Count, before[region].Max);
        }
        var clients = new Dictionary<string, HttpClient>();
        foreach (var region in Regions)
        {
            clients[region] = await host.ClientFor($"{region}-professional");
        }

        var submissions = Enumerable.Range(0, 64).Select(i => Regions[i % 2]).Select(async region =>
        {
            var response = await clients[region].PostAsJsonAsync($"/api/v1/regions/{region}/social-reports", Reports.Valid(region));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{region}: {(int)response.StatusCode} {body}");
            var receipt = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
            return (Region: region, Number: receipt!["number"]!.GetValue<int>());
        });
        var receipts = await Task.WhenAll(submissions);

        foreach (var region in Regions)
        {
            var numbers = receipts.Where(r => r.Region == region).Select(r => r.Number).Order().ToList();
            Assert.Equal(Enumerable.Range(before[region].Max + 1, 32), numbers);
            var (count, max) = await StoredAsync(host, region);
            Assert.Equal(before[region].Count + 32, count);
            Assert.Equal(count, max);
            Assert.Equal(count, await DistinctNumbersAsync(host, region));
        }
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task A_unit_of_work_that_fails_after_taking_its_number_gives_the_number_back()
    {
        await using var host = await RakeTestHost.StartAsync();
        using var professional = await host.ClientFor("kainuu-professional");
        var (_, first, _) = await Reports.SubmitAsync(professional, "kainuu");

        await using (var scope = host.RegionScope("kainuu"))
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var taken = 0;
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveNumberedAsync(3, number =>
            {
                taken = number;
                throw new InvalidOperationException("The submission failed after its number was taken.");
            }, CancellationToken.None));
            Assert.Equal(first + 1, taken);
        }

        var (_, next, _) = await Reports.SubmitAsync(professional, "kainuu");
        Assert.Equal(first + 1, next);
    }

    [Fact]
    public async Task A_report_numbered_around_the_counter_makes_the_next_number_follow_it()
    {
        await using var host = await RakeTestHost.StartAsync();
        using var professional = await host.ClientFor("kymenlaakso-professional");
        var (id, first, _) = await Reports.SubmitAsync(professional, "kymenlaakso");
        await using (var scope = host.RegionScope("kymenlaakso"))
        {
            // As an import from an old database would: a row numbered past the counter, written without it.
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            await db.Reports.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Number, first + 5));
        }

        var (_, next, _) = await Reports.SubmitAsync(professional, "kymenlaakso");

        Assert.Equal(first + 6, next);
    }

    private static async Task<(int Count, int Max)> StoredAsync(RakeTestHost host, string region)
    {
        await using var scope = host.RegionScope(region);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        return (await db.Reports.CountAsync(), await db.Reports.MaxAsync(r => (int?)r.Number) ?? 0);
    }

    private static async Task<int> DistinctNumbersAsync(RakeTestHost host, string region)
    {
        await using var scope = host.RegionScope(region);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        return await db.Reports.Select(r => r.Number).Distinct().CountAsync();
    }
}
