using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Host.Tests;

/// <summary>No user or token reads or changes another region's data, through any route.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class CrossRegionTests(SharedHost shared)
{
    private static readonly string[] Regions = ["kainuu", "kymenlaakso", "keski-suomi"];

    private RakeTestHost Host => shared.Host;

    public static TheoryData<string, string> RegionPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var owner in Regions)
        {
            foreach (var other in Regions.Where(r => r != owner))
            {
                data.Add(owner, other);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RegionPairs))]
    public async Task No_role_of_another_region_reads_or_changes_a_report(string owner, string other)
    {
        using var reporter = await Host.ClientFor($"{owner}-professional");
        var (id, _, _) = await Reports.SubmitAsync(reporter, owner);

        foreach (var role in Enum.GetValues<RegionRole>())
        {
            using var outsider = await Host.ClientFor($"{other}-{role.ToString().ToLowerInvariant()}");
            var viaOwner = $"/api/v1/regions/{owner}/social-reports/{id}";
            var viaOther = $"/api/v1/regions/{other}/social-reports/{id}";

            await Reports.ReadProblemAsync(await outsider.GetAsync(viaOwner), HttpStatusCode.Forbidden);
            await Reports.ReadProblemAsync(await outsider.GetAsync($"/api/v1/regions/{owner}/social-reports"), HttpStatusCode.Forbidden);
            await Reports.ReadProblemAsync(await outsider.PostAsJsonAsync($"{viaOwner}/status-changes", new { status = "Closed" }),
                HttpStatusCode.Forbidden);
            await Reports.ReadProblemAsync(await outsider.GetAsync(viaOther), HttpStatusCode.NotFound);
            await Reports.ReadProblemAsync(await outsider.PutAsJsonAsync($"{viaOther}/supervisor-record", new { coreOfReport = "x" }),
                HttpStatusCode.NotFound);
            await Reports.ReadProblemAsync(await outsider.PostAsJsonAsync($"{viaOther}/status-changes", new { status = "Closed" }),
                HttpStatusCode.NotFound);
            await Reports.ReadProblemAsync(await outsider.PostAsJsonAsync($"{viaOther}/feedback", new { comment = "x" }),
                HttpStatusCode.NotFound);
            var list = await outsider.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{other}/social-reports?pageSize=200");
            Assert.DoesNotContain(list!["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == id);
        }

        using var ownSupervisor = await Host.ClientFor($"{owner}-supervisor");
        var report = await ownSupervisor.GetFromJsonAsync<JsonObject>($"/api/v1/regions/{owner}/social-reports/{id}");
        Assert.Equal("Received", report!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_person_with_roles_in_two_regions_sees_each_report_only_in_its_own_region()
    {
        using var multi = await Host.ClientFor("rake-multi");
        var regions = await multi.GetFromJsonAsync<JsonArray>("/api/v1/regions");
        Assert.Equal(["kainuu", "kymenlaakso"], regions!.Select(r => r!["code"]!.GetValue<string>()).Order().ToArray());

        var (id, _, _) = await Reports.SubmitAsync(multi, "kainuu");
        await Reports.ReadProblemAsync(await multi.GetAsync($"/api/v1/regions/kymenlaakso/social-reports/{id}"), HttpStatusCode.NotFound);
        var mineThere = await multi.GetFromJsonAsync<JsonObject>("/api/v1/regions/kymenlaakso/social-reports?scope=Mine&pageSize=200");
        Assert.DoesNotContain(mineThere!["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == id);
        await Reports.ReadProblemAsync(await multi.GetAsync("/api/v1/regions/keski-suomi/categories"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_regions_are_not_found_and_anonymous_callers_must_sign_in()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        await Reports.ReadProblemAsync(await professional.GetAsync("/api/v1/regions/lappi/social-reports"), HttpStatusCode.NotFound);
        using var anonymous = Host.Anonymous();
        await Reports.ReadProblemAsync(await anonymous.GetAsync("/api/v1/regions/kainuu/social-reports"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_region_filter_hides_other_regions_rows_and_refuses_writing_them()
    {
        using var reporter = await Host.ClientFor("kymenlaakso-professional");
        var (id, _, _) = await Reports.SubmitAsync(reporter, "kymenlaakso");

        await using var scope = Host.RegionScope("kainuu");
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        Assert.Null(await db.Reports.FirstOrDefaultAsync(r => r.Id == id));
        var hidden = await db.Reports.IgnoreQueryFilters().SingleAsync(r => r.Id == id);
        hidden.Title = "Muutettu väärästä alueesta";
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("kymenlaakso", refused.Message);
    }

    [Fact]
    public async Task Summaries_count_only_the_regions_own_reports()
    {
        using var kainuu = await Host.ClientFor("kainuu-responsibleperson");
        using var reporter = await Host.ClientFor("keski-suomi-professional");
        var year = DateTime.UtcNow.Year;
        var before = await kainuu.GetFromJsonAsync<JsonObject>($"/api/v1/regions/kainuu/reporting-periods/{year}/summary");
        await Reports.SubmitAsync(reporter, "keski-suomi");
        var after = await kainuu.GetFromJsonAsync<JsonObject>($"/api/v1/regions/kainuu/reporting-periods/{year}/summary");
        Assert.Equal(before!["totalCount"]!.GetValue<int>(), after!["totalCount"]!.GetValue<int>());
    }
}
