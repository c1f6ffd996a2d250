using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Regions;

namespace Rake.Host.Tests;

/// <summary>
/// The shell around every page (issue 13): the region menu in at most seven groups with every link a role had before,
/// the landing after sign-in, and Rake's own not-found and forbidden pages with a way back and the right status code.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class ShellTests(SharedHost shared)
{
    private static readonly HtmlParser Parser = new();

    private RakeTestHost Host => shared.Host;

    [Theory]
    [InlineData("kainuu")]
    [InlineData("kymenlaakso")]
    public async Task Every_role_sees_at_most_seven_menu_entries_and_every_page_link_it_had(string region)
    {
        var modules = Host.Services.GetRequiredService<IReadOnlyList<IModule>>();
        foreach (var role in Enum.GetValues<RegionRole>())
        {
            using var client = await PageClientAsync($"{region}-{role.ToString().ToLowerInvariant()}");
            var document = Parser.ParseDocument(await client.GetStringAsync($"/{region}"));
            var nav = document.QuerySelector("nav.rake-region-nav") ?? throw new InvalidOperationException($"{role}: no region menu");
            var top = nav.QuerySelectorAll("ul.rake-nav-groups > li");
            Assert.InRange(top.Length, 2, 7);
            // Each entry is a link or a disclosure with a name; a disclosure never holds a single link.
            foreach (var entry in top)
            {
                if (entry.QuerySelector("details") is { } group)
                {
                    Assert.False(string.IsNullOrWhiteSpace(group.QuerySelector("summary")?.TextContent));
                    Assert.True(group.QuerySelectorAll("a").Length >= 2, $"{role}: a group with one link");
                }
                else
                {
                    Assert.NotNull(entry.QuerySelector("a.rake-nav-top"));
                }
            }
            // Every link the flat menu gave this role is still in the menu.
            var hrefs = nav.QuerySelectorAll("a").Select(a => a.GetAttribute("href") ?? "").ToHashSet();
            var before = modules.SelectMany(m => m.NavItems)
                .Where(i => i.Roles.Length == 0 || i.Roles.Contains(role))
                .Select(i => $"/{region}/{i.Path}")
                .Append($"/{region}")
                .Concat(role == RegionRole.RegionAdmin ? new[] { $"/{region}/admin/people", $"/{region}/admin/go-live" } : [])
                .ToList();
            Assert.True(before.Count >= 8, $"{role}: only {before.Count} links expected, the comparison means little");
            Assert.All(before, href => Assert.Contains(href, hrefs));
            // The home page is the current page, and only it.
            var current = nav.QuerySelectorAll("[aria-current=page]");
            Assert.Equal([$"/{region}"], current.Select(a => a.GetAttribute("href") ?? ""));
        }
    }

    [Fact]
    public async Task A_page_deeper_in_a_group_marks_its_link_and_its_group()
    {
        using var client = await PageClientAsync("kainuu-professional");
        var document = Parser.ParseDocument(await client.GetStringAsync("/kainuu/reports/mine"));
        var current = Assert.Single(document.QuerySelectorAll("nav.rake-region-nav [aria-current=page]"));
        Assert.Equal("/kainuu/reports/mine", current.GetAttribute("href"));
        var group = current.Closest("details") ?? throw new InvalidOperationException("the link is in no group");
        Assert.Contains("rake-nav-current", group.QuerySelector("summary")!.ClassName);
        Assert.Contains("Ilmoitukset", group.QuerySelector("summary")!.TextContent);
    }

    [Theory]
    [InlineData("fi", "Oman kunnan kuntakooste")]
    [InlineData("en", "My municipality's pack")]
    public async Task A_nominated_hytetu_deputy_finds_their_municipalitys_pack_in_the_menu_and_others_do_not(string language, string text)
    {
        // A person with only the Professional role, named deputy of Puolanka's municipal group (docs/adr/0182).
        var (userId, userName) = await Host.CreateAccountAsync("hytetu-menu");
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        (await admin.PostAsJsonAsync($"/api/v1/regions/kainuu/people/{userId}/roles", new { role = "Professional" }))
            .EnsureSuccessStatusCode();
        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        var nomination = await supervisor.PostAsJsonAsync("/api/v1/regions/kainuu/wellbeing-group-nominations", new
        {
            municipality = "Puolanka",
            groupName = "Puolangan hyte-työryhmä",
            memberName = "Joku Muu",
            deputyName = "Testi Varajäsen",
            decidedBy = "Palvelualuepäällikkö",
            decidedOn = Helsinki.Today(TimeProvider.System).AddDays(-1),
            deputyUserName = userName,
        });
        Assert.True(nomination.StatusCode == HttpStatusCode.Created, await nomination.Content.ReadAsStringAsync());

        // Kainuu's periods are calendar years: the current one is this year.
        var expected = $"/kainuu/briefs/municipality/{Helsinki.Today(TimeProvider.System).Year}/puolanka";
        using var deputy = await PageClientAsync(userName, language);
        var nav = Parser.ParseDocument(await deputy.GetStringAsync("/kainuu")).QuerySelector("nav.rake-region-nav")!;
        var link = Assert.Single(nav.QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("/briefs/") == true);
        Assert.Equal(expected, link.GetAttribute("href"));
        Assert.Equal(text, link.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await deputy.GetAsync(expected)).StatusCode);

        // Neither a professional without a nomination nor a working-group member (who reads every pack by role) gets it.
        foreach (var other in new[] { "kainuu-professional", "kainuu-workinggroupmember" })
        {
            using var client = await PageClientAsync(other, language);
            var hrefs = Parser.ParseDocument(await client.GetStringAsync("/kainuu")).QuerySelectorAll("nav.rake-region-nav a")
                .Select(a => a.GetAttribute("href") ?? "");
            Assert.DoesNotContain(hrefs, h => h.Contains("/briefs/municipality", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_one_region_person_lands_in_the_region_and_a_multi_region_person_chooses()
    {
        var cookies = new CookieContainer();
        using (var client = CookieSignIn.Client(Host.BaseAddress, cookies))
        {
            var signIn = await CookieSignIn.PostLoginAsync(client, "kainuu-supervisor", RakeTestHost.Password);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var landing = signIn.Headers.Location!.OriginalString;
            var home = await client.GetAsync(landing);
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/kainuu", new Uri(new Uri(Host.BaseAddress), home.Headers.Location!).AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/kainuu")).StatusCode);
        }

        using (var multi = await PageClientAsync("rake-multi"))
        {
            var home = await multi.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var document = Parser.ParseDocument(await home.Content.ReadAsStringAsync());
            var choices = document.QuerySelectorAll("main a").Select(a => a.GetAttribute("href") ?? "").ToList();
            Assert.Contains("/kainuu", choices);
            Assert.Contains("/kymenlaakso", choices);
        }

        // Someone with no region (a platform role) reads the front page.
        using var observer = await PageClientAsync("national-observer");
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("fi", "Sivua ei löydy", "Ei käyttöoikeutta", "Hyvinvointialuetta ei löydy")]
    [InlineData("sv", "Sidan hittades inte", "Ingen behörighet", "Välfärdsområdet hittades inte")]
    [InlineData("en", "Page not found", "No access", "Region not found")]
    public async Task Missing_and_forbidden_pages_are_rakes_own_with_a_way_back_and_the_right_status(
        string language, string notFound, string forbidden, string unknownRegion)
    {
        using var client = await PageClientAsync("kainuu-professional", language);

        // A URL that no page matches, inside one's region: back to that region.
        var (status, page) = await GetPageAsync(client, "/kainuu/no-such/page");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(notFound, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/kainuu", BackLink(page));
        Assert.NotNull(page.QuerySelector("header.rake-header"));

        // A URL outside any region: back to the front page.
        (status, page) = await GetPageAsync(client, "/no-such-thing/at/all");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("/", BackLink(page));

        // An unknown region.
        (status, page) = await GetPageAsync(client, "/nowhere/reports/new");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(unknownRegion, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/", BackLink(page));

        // A page of one's own region that needs a role one lacks: back to the region.
        (status, page) = await GetPageAsync(client, "/kainuu/admin/people");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(forbidden, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/kainuu", BackLink(page));

        // Another region's page: back to the front page, which lists one's own regions.
        (status, page) = await GetPageAsync(client, "/kymenlaakso/reports/new");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(forbidden, page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal("/", BackLink(page));

        // An unknown record: a 404 that still explains itself.
        (status, page) = await GetPageAsync(client, $"/kainuu/reports/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.NotNull(page.QuerySelector("main h1"));
        Assert.NotNull(page.QuerySelector("header.rake-header"));
    }

    [Fact]
    public async Task The_api_keeps_its_problem_details_and_a_status_page_asked_for_directly_is_not_a_200()
    {
        using var client = await PageClientAsync("kainuu-professional");
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/regions/kainuu/no-such-resource");
        api.Headers.Accept.ParseAdd("text/html");
        var answer = await client.SendAsync(api);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.DoesNotContain("rake-header", await answer.Content.ReadAsStringAsync());

        var (status, _) = await GetPageAsync(client, "/_status/404");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private static async Task<(HttpStatusCode Status, IDocument Page)> GetPageAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        // As a browser navigating asks.
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(html), $"{path} answered {(int)response.StatusCode} with an empty body");
        return (response.StatusCode, Parser.ParseDocument(html));
    }

    private static string? BackLink(IDocument page) => page.QuerySelector("main a.rake-back-link")?.GetAttribute("href");

    private async Task<HttpClient> PageClientAsync(string userName, string language = "fi")
    {
        var client = CookieSignIn.WithCookie(Host.BaseAddress, await CookieSignIn.CookieAsync(Host.BaseAddress, userName));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }
}
