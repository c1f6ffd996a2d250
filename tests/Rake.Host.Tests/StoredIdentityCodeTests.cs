using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Communications.Persistence;

namespace Rake.Host.Tests;

/// <summary>The cleanup list of stored texts holding an identity code: per region, masked, linked to where to edit.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class StoredIdentityCodeTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static string Api(string region) => $"/api/v1/regions/{region}/admin/stored-identity-codes";

    private async Task<Guid> StorePublicationWithCodeAsync(string region, string code)
    {
        using var responsible = await Host.ClientFor($"{region}-responsibleperson");
        var created = await CommunicationsApiTests.CreateAsync(
            responsible, region, CommunicationsApiTests.Draft($"Siivous {Guid.NewGuid():N}"));
        var id = created["id"]!.GetValue<Guid>();
        await using var scope = Host.RegionScope(region);
        var db = scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>();
        var row = await db.Publications.SingleAsync(p => p.Id == id);
        row.Summary = $"Vanha teksti, jossa asiakkaan tunnus {code} jäi talteen.";
        await db.SaveChangesAsync();
        return id;
    }

    private static async Task<List<JsonObject>> AllAsync(HttpClient admin, string region)
    {
        var page = await admin.GetFromJsonAsync<JsonObject>($"{Api(region)}?pageSize=200");
        return page!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    [Fact]
    public async Task A_region_admin_sees_the_stored_codes_of_their_own_region_only_masked_and_linked()
    {
        var ours = await StorePublicationWithCodeAsync("kainuu", "131052-308T");
        var theirs = await StorePublicationWithCodeAsync("keski-suomi", "010181+900C");
        using var kainuuAdmin = await Host.ClientFor("kainuu-regionadmin");
        using var keskiSuomiAdmin = await Host.ClientFor("keski-suomi-regionadmin");

        var kainuu = await AllAsync(kainuuAdmin, "kainuu");
        var keskiSuomi = await AllAsync(keskiSuomiAdmin, "keski-suomi");

        var finding = Assert.Single(kainuu, f => f["recordId"]!.GetValue<string>() == ours.ToString());
        Assert.Equal("Publication", finding["record"]!.GetValue<string>());
        Assert.Equal("Summary", finding["field"]!.GetValue<string>());
        Assert.Equal($"communications/publications/{ours}", finding["editPath"]!.GetValue<string>());
        Assert.Contains("13*********", finding["excerpt"]!.GetValue<string>());
        Assert.DoesNotContain(kainuu, f => f["recordId"]!.GetValue<string>() == theirs.ToString());
        Assert.Contains(keskiSuomi, f => f["recordId"]!.GetValue<string>() == theirs.ToString());
        Assert.DoesNotContain(keskiSuomi, f => f["recordId"]!.GetValue<string>() == ours.ToString());
        var raw = await kainuuAdmin.GetStringAsync($"{Api("kainuu")}?pageSize=200");
        Assert.DoesNotContain("131052-308T", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("010181", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_is_paged_and_only_for_region_admins_of_that_region()
    {
        await StorePublicationWithCodeAsync("kainuu", "150687Y456N");
        await StorePublicationWithCodeAsync("kainuu", "290200A1239");
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        using var professional = await Host.ClientFor("kainuu-professional");
        using var otherAdmin = await Host.ClientFor("keski-suomi-regionadmin");

        var first = await admin.GetFromJsonAsync<JsonObject>($"{Api("kainuu")}?page=1&pageSize=1");
        var second = await admin.GetFromJsonAsync<JsonObject>($"{Api("kainuu")}?page=2&pageSize=1");

        Assert.True(first!["totalCount"]!.GetValue<int>() >= 2);
        Assert.Single(first["items"]!.AsArray());
        Assert.Single(second!["items"]!.AsArray());
        Assert.NotEqual(first["items"]![0]!["recordId"]!.GetValue<string>(), second["items"]![0]!["recordId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync(Api("kainuu"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherAdmin.GetAsync(Api("kainuu"))).StatusCode);
    }
}
