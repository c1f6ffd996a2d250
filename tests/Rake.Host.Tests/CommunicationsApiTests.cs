using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Rake.Host.Tests;

[Collection(SharedHostCollection.Name)]
public sealed class CommunicationsApiTests(SharedHost shared)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private RakeTestHost Host => shared.Host;

    private static string Base(string region) => $"/api/v1/regions/{region}";

    public static object Draft(string title, string body = "Ohjausryhmä päätti **jatkotoimista**.", string channel = "Intranet") => new
    {
        kind = "News",
        channel,
        language = "fi",
        title,
        summary = "Lyhyesti",
        body,
        sourceDecision = "Ohjausryhmä 12.6.2026 § 4",
    };

    public static async Task<JsonObject> CreateAsync(HttpClient client, string region, object draft)
    {
        var response = await client.PostAsJsonAsync($"{Base(region)}/publications", draft);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<XDocument> FeedAsync(HttpClient anonymous, string region, string channel)
    {
        var response = await anonymous.GetAsync($"/feeds/{region}/{channel}.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_draft_is_approved_then_published_and_only_then_appears_in_the_public_feed()
    {
        using var comms = await Host.ClientFor("kymenlaakso-communications");
        using var responsible = await Host.ClientFor("kymenlaakso-responsibleperson");
        using var anonymous = Host.Anonymous();
        var title = $"Puolivuotiskooste {Guid.NewGuid():N}";
        var draft = await CreateAsync(responsible, "kymenlaakso", Draft(title));
        Assert.Equal("Draft", draft["status"]!.GetValue<string>());
        Assert.Contains("<strong>jatkotoimista</strong>", draft["html"]!.GetValue<string>());
        var location = $"{Base("kymenlaakso")}/publications/{draft["id"]}";

        Assert.DoesNotContain(Titles(await FeedAsync(anonymous, "kymenlaakso", "intranet")), t => t == title);
        // Publishing needs approval first, and only communications may publish.
        await Reports.ReadProblemAsync(await comms.PostAsync($"{location}/publish", null), HttpStatusCode.Conflict);
        var approved = await responsible.PostAsync($"{location}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        await Reports.ReadProblemAsync(await responsible.PostAsync($"{location}/publish", null), HttpStatusCode.Forbidden);
        Assert.DoesNotContain(Titles(await FeedAsync(anonymous, "kymenlaakso", "intranet")), t => t == title);
        var published = await comms.PostAsync($"{location}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        await Reports.ReadProblemAsync(await comms.PutAsJsonAsync(location, Draft(title)), HttpStatusCode.Conflict);

        var feed = await FeedAsync(anonymous, "kymenlaakso", "intranet");
        var entry = feed.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value == title);
        Assert.Equal($"urn:uuid:{draft["id"]}", entry.Element(Atom + "id")!.Value);
        Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        Assert.Contains("<strong>jatkotoimista</strong>", entry.Element(Atom + "content")!.Value);
        AssertValidAtom(feed);
        // The website feed of the same region does not carry the intranet item.
        Assert.DoesNotContain(Titles(await FeedAsync(anonymous, "kymenlaakso", "website")), t => t == title);
    }

    [Fact]
    public async Task A_feed_never_shows_another_regions_items_and_unknown_feeds_are_404()
    {
        using var kainuu = await Host.ClientFor("kainuu-communications");
        using var anonymous = Host.Anonymous();
        var title = $"Kainuun uutinen {Guid.NewGuid():N}";
        var item = await CreateAsync(kainuu, "kainuu", Draft(title));
        var location = $"{Base("kainuu")}/publications/{item["id"]}";
        Assert.Equal(HttpStatusCode.OK, (await kainuu.PostAsync($"{location}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kainuu.PostAsync($"{location}/publish", null)).StatusCode);

        Assert.Contains(title, Titles(await FeedAsync(anonymous, "kainuu", "intranet")));
        foreach (var other in new[] { "kymenlaakso", "keski-suomi" })
        {
            var feed = await FeedAsync(anonymous, other, "intranet");
            Assert.DoesNotContain(title, Titles(feed));
            AssertValidAtom(feed);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/feeds/nowhere/intranet.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/feeds/kainuu/teams.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/feeds/kainuu/0.atom")).StatusCode);

        // Another region's communications person neither sees nor changes the item through the API.
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-communications");
        await Reports.ReadProblemAsync(await kymenlaakso.GetAsync(location), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await kymenlaakso.GetAsync($"{Base("kymenlaakso")}/publications/{item["id"]}"),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await kymenlaakso.PostAsync($"{Base("kymenlaakso")}/publications/{item["id"]}/approve", null),
            HttpStatusCode.NotFound);
        var theirs = await kymenlaakso.GetFromJsonAsync<JsonObject>(
            $"{Base("kymenlaakso")}/publications?search={Uri.EscapeDataString(title)}");
        Assert.Equal(0, theirs!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_publications_list_is_paged_searched_and_sorted_and_refuses_a_bad_page()
    {
        using var comms = await Host.ClientFor("keski-suomi-communications");
        var token = Guid.NewGuid().ToString("N")[..12];
        foreach (var letter in new[] { "B", "C", "A" })
        {
            await CreateAsync(comms, "keski-suomi", Draft($"{letter} sivutus {token}"));
        }
        var list = $"{Base("keski-suomi")}/publications?search={token}&sort=Title&descending=false&pageSize=2";

        var first = (await comms.GetFromJsonAsync<JsonObject>($"{list}&page=1"))!;
        var second = (await comms.GetFromJsonAsync<JsonObject>($"{list}&page=2"))!;

        Assert.Equal(3, first["totalCount"]!.GetValue<int>());
        Assert.Equal(2, first["pageSize"]!.GetValue<int>());
        Assert.Equal([$"A sivutus {token}", $"B sivutus {token}"], ItemTitles(first));
        Assert.Equal([$"C sivutus {token}"], ItemTitles(second));
        // Whole publications, not only the grid's columns.
        Assert.Contains("<strong>jatkotoimista</strong>", first["items"]![0]!["html"]!.GetValue<string>());

        var problem = await Reports.ReadProblemAsync(
            await comms.GetAsync($"{Base("keski-suomi")}/publications?page=0&pageSize=201&sort=Length"), HttpStatusCode.BadRequest);
        Assert.Equal(["page", "pageSize", "sort"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));

        static List<string> ItemTitles(JsonObject page) => page["items"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Markdown_is_rendered_without_raw_html_or_script_links()
    {
        using var comms = await Host.ClientFor("keski-suomi-communications");
        const string body = "Hei <script>alert(1)</script> <b onmouseover=\"x()\">lihava</b>\n\n" +
            "[klikkaa](javascript:alert(1)) [tab](java\tscript:alert(2)) [enc](jav&#x09;ascript:alert(3)) " +
            "[data](data:text/html;base64,PHNjcmlwdD4=) " +
            "<javascript:alert(4)> [ok](https://thl.fi/) [posti](mailto:rake@example.invalid) " +
            "[suhteellinen](/keski-suomi/communications/publications)";
        var item = await CreateAsync(comms, "keski-suomi", Draft($"Turvallisuus {Guid.NewGuid():N}", body));
        var html = item["html"]!.GetValue<string>();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
        var hrefs = System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.All(hrefs, href => Assert.True(
            href is "" or "https://thl.fi/" or "mailto:rake@example.invalid" or "/keski-suomi/communications/publications",
            $"unsafe link kept: {href}"));
        Assert.DoesNotContain(" on", string.Concat(System.Text.RegularExpressions.Regex.Matches(html, "<[a-z][^>]*>").Select(m => m.Value)),
            StringComparison.OrdinalIgnoreCase);
        Assert.Contains("href=\"https://thl.fi/\"", html);
        Assert.Contains("href=\"mailto:rake@example.invalid\"", html);
        Assert.Contains("href=\"/keski-suomi/communications/publications\"", html);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_each_field()
    {
        using var comms = await Host.ClientFor("kainuu-communications");
        var problem = await Reports.ReadProblemAsync(await comms.PostAsJsonAsync($"{Base("kainuu")}/publications",
            new { kind = "Poster", channel = "Teams", language = "de", title = "", body = new string('x', 20001) }),
            HttpStatusCode.BadRequest);
        foreach (var field in new[] { "kind", "channel", "language", "title", "body" })
        {
            Assert.NotNull(problem["errors"]![field]);
        }
        problem = await Reports.ReadProblemAsync(await comms.PostAsJsonAsync($"{Base("kainuu")}/distribution-lists",
            new { name = "", members = new[] { new { email = "ei-osoite" }, new { email = "a@b.invalid\r\nBcc: x@y.invalid" } } }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["name"]);
        Assert.NotNull(problem["errors"]!["members[0].email"]);
        Assert.NotNull(problem["errors"]!["members[1].email"]);
        var list = await comms.PostAsJsonAsync($"{Base("kainuu")}/distribution-lists",
            new { name = $"Lista {Guid.NewGuid():N}", members = new[] { new { email = "a@kainuu.demo.invalid" } } });
        var listId = (await list.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        problem = await Reports.ReadProblemAsync(await comms.PostAsJsonAsync($"{Base("kainuu")}/distribution-lists/{listId}/messages",
            new { subject = "Rivi\r\nBcc: x@y.invalid", body = "" }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["subject"]);
        Assert.NotNull(problem["errors"]!["body"]);
        problem = await Reports.ReadProblemAsync(await comms.PostAsJsonAsync($"{Base("kainuu")}/info-sessions",
            new { kind = "Party", title = "" }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["kind"]);
        Assert.NotNull(problem["errors"]!["title"]);
        Assert.NotNull(problem["errors"]!["startsAt"]);
        problem = await Reports.ReadProblemAsync(await comms.PostAsJsonAsync($"{Base("kainuu")}/planned-communications", new { what = "" }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["what"]);
        Assert.NotNull(problem["errors"]!["audience"]);
        await Reports.ReadProblemAsync(await comms.PostAsync($"{Base("kainuu")}/publications/{Guid.NewGuid()}/approve", null),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await comms.GetAsync($"{Base("kainuu")}/mail-deliveries?status=Lost"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Roles_decide_who_drafts_approves_publishes_sends_and_sees_drafts()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        using var steering = await Host.ClientFor("kainuu-steeringgroupmember");
        using var comms = await Host.ClientFor("kainuu-communications");
        using var anonymous = Host.Anonymous();
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{Base("kainuu")}/publications", Draft("Ei saa")),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{Base("kainuu")}/publications", Draft("Ei saa")),
            HttpStatusCode.Forbidden);
        var draft = await CreateAsync(comms, "kainuu", Draft($"Luonnos {Guid.NewGuid():N}"));
        var location = $"{Base("kainuu")}/publications/{draft["id"]}";
        // A draft is not shown to a professional at all; the steering group may see and approve it.
        await Reports.ReadProblemAsync(await professional.GetAsync(location), HttpStatusCode.NotFound);
        var draftTitle = Uri.EscapeDataString(draft["title"]!.GetValue<string>());
        Assert.Equal(0, (await professional.GetFromJsonAsync<JsonObject>($"{Base("kainuu")}/publications?search={draftTitle}"))!
            ["totalCount"]!.GetValue<int>());
        Assert.Equal(1, (await steering.GetFromJsonAsync<JsonObject>($"{Base("kainuu")}/publications?search={draftTitle}"))!
            ["totalCount"]!.GetValue<int>());
        await Reports.ReadProblemAsync(await professional.PostAsync($"{location}/approve", null), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await steering.PostAsync($"{location}/approve", null)).StatusCode);
        await Reports.ReadProblemAsync(await steering.PostAsync($"{location}/publish", null), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await comms.PostAsync($"{location}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await professional.GetAsync(location)).StatusCode);

        await Reports.ReadProblemAsync(await professional.GetAsync($"{Base("kainuu")}/distribution-lists"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.GetAsync($"{Base("kainuu")}/mail-deliveries"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.GetAsync($"{Base("kainuu")}/communication-plan"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await steering.PutAsJsonAsync($"{Base("kainuu")}/communication-settings",
            new { emailReporters = true }), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{Base("kainuu")}/info-sessions",
            new { kind = "StaffInfo", title = "x", startsAt = "2026-06-15T10:00:00Z" }), HttpStatusCode.Forbidden);
        var lists = await comms.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/distribution-lists");
        await Reports.ReadProblemAsync(await steering.PostAsJsonAsync($"{Base("kainuu")}/distribution-lists/{lists![0]!["id"]}/messages",
            new { subject = "x", body = "y" }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Base("kainuu")}/publications")).StatusCode);
        using var kymenlaakso = await Host.ClientFor("kymenlaakso-communications");
        await Reports.ReadProblemAsync(await kymenlaakso.GetAsync($"{Base("kainuu")}/distribution-lists"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_demo_plan_is_Keski_Suomi_table_6_and_lists_stay_in_their_region()
    {
        using var ks = await Host.ClientFor("keski-suomi-communications");
        var plan = await ks.GetFromJsonAsync<JsonArray>($"{Base("keski-suomi")}/communication-plan");
        Assert.Equal(6, plan!.Count);
        Assert.Equal("Hyvinvointialueen sosiaalihuollon ammattilaiset", plan[0]!["targetGroup"]!.GetValue<string>());
        Assert.Contains(plan, r => r!["targetGroup"]!.GetValue<string>() == "Asukkaat ja asiakkaat"
            && r["goals"]!.AsArray().Any(g => g!.GetValue<string>() == "Osallisuuden vahvistaminen"));
        using var kainuu = await Host.ClientFor("kainuu-communications");
        var kainuuLists = await kainuu.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/distribution-lists");
        Assert.Contains(kainuuLists!, l => l!["name"]!.GetValue<string>() == "RAKE-työryhmä");
        Assert.All(kainuuLists!.SelectMany(l => l!["members"]!.AsArray()),
            m => Assert.EndsWith("@kainuu.demo.invalid", m!["email"]!.GetValue<string>()));
        await Reports.ReadProblemAsync(
            await ks.PostAsJsonAsync($"{Base("keski-suomi")}/distribution-lists/{kainuuLists![0]!["id"]}/messages",
                new { subject = "x", body = "y" }),
            HttpStatusCode.NotFound);
        // The seeded demo intranet items are in the feed.
        Assert.Contains("Rakenteellinen sosiaalityö", Titles(await FeedAsync(Host.Anonymous(), "keski-suomi", "intranet")));
    }

    [Fact]
    public async Task Planned_communications_come_from_supervisor_records_once_each()
    {
        using var professional = await Host.ClientFor("keski-suomi-professional");
        using var supervisor = await Host.ClientFor("keski-suomi-supervisor");
        using var comms = await Host.ClientFor("keski-suomi-communications");
        var (_, number, location) = await Reports.SubmitAsync(professional, "keski-suomi");
        var saved = await supervisor.PutAsJsonAsync($"{location}/supervisor-record", new
        {
            coreOfReport = "Asunnottomuus",
            communicationGoal = "Päättäjät tietävät tilanteen",
            audience = "Aluehallitus",
            coreMessage = "Tukiasuntoja tarvitaan lisää",
            channelAndMethod = "Esittely kokouksessa",
            timing = "Syyskuu",
            responsible = "Palvelualuejohtaja",
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var imported = await comms.PostAsync($"{Base("keski-suomi")}/planned-communications/import-from-reports", null);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var again = await comms.PostAsync($"{Base("keski-suomi")}/planned-communications/import-from-reports", null);
        Assert.DoesNotContain((await again.Content.ReadFromJsonAsync<JsonArray>())!,
            p => p!["sourceReportNumber"]!.GetValue<int?>() == number);
        var planned = await comms.GetFromJsonAsync<JsonArray>($"{Base("keski-suomi")}/planned-communications");
        var mine = Assert.Single(planned!, p => p!["sourceReportNumber"]?.GetValue<int?>() == number)!;
        Assert.Equal("Aluehallitus", mine["audience"]!.GetValue<string>());
        Assert.Equal("Tukiasuntoja tarvitaan lisää", mine["coreMessage"]!.GetValue<string>());
        Assert.Equal("Esittely kokouksessa", mine["channel"]!.GetValue<string>());
        Assert.Equal("Planned", mine["status"]!.GetValue<string>());
        var done = await comms.PostAsJsonAsync($"{Base("keski-suomi")}/planned-communications/{mine["id"]}/status",
            new { status = "Done" });
        Assert.Equal("Done", (await done.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        // Another region's import never brings this report.
        using var kainuu = await Host.ClientFor("kainuu-communications");
        await kainuu.PostAsync($"{Base("kainuu")}/planned-communications/import-from-reports", null);
        var theirs = await kainuu.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/planned-communications");
        Assert.DoesNotContain(theirs!,
            p => p!["what"]!.GetValue<string>().Contains("Tukiasuntoja", StringComparison.Ordinal)
                && p["sourceReportNumber"]?.GetValue<int?>() == number);
    }

    [Fact]
    public async Task Info_sessions_are_scheduled_with_materials_and_attendance()
    {
        using var comms = await Host.ClientFor("kymenlaakso-communications");
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        var response = await comms.PostAsJsonAsync($"{Base("kymenlaakso")}/info-sessions", new
        {
            kind = "StaffInfo",
            title = $"Sosiaalisen raportoinnin info {Guid.NewGuid():N}",
            startsAt = "2026-06-15T10:00:00Z",
            location = "Teams",
            materials = "[Kooste](https://example.invalid/kooste.pdf) <img src=x onerror=alert(1)>",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.DoesNotContain("<img", session["materialsHtml"]!.GetValue<string>());
        var attendance = await comms.PutAsJsonAsync($"{Base("kymenlaakso")}/info-sessions/{session["id"]}/attendance",
            new { attendance = 42 });
        Assert.Equal(42, (await attendance.Content.ReadFromJsonAsync<JsonObject>())!["attendance"]!.GetValue<int>());
        await Reports.ReadProblemAsync(await comms.PutAsJsonAsync($"{Base("kymenlaakso")}/info-sessions/{session["id"]}/attendance",
            new { attendance = -1 }), HttpStatusCode.BadRequest);
        var seen = await professional.GetFromJsonAsync<JsonArray>($"{Base("kymenlaakso")}/info-sessions");
        Assert.Contains(seen!,
            s => s!["id"]!.GetValue<Guid>() == session["id"]!.GetValue<Guid>() && s["attendance"]!.GetValue<int>() == 42);
        using var kainuu = await Host.ClientFor("kainuu-communications");
        Assert.DoesNotContain((await kainuu.GetFromJsonAsync<JsonArray>($"{Base("kainuu")}/info-sessions"))!,
            s => s!["id"]!.GetValue<Guid>() == session["id"]!.GetValue<Guid>());
    }

    private static List<string> Titles(XDocument feed) =>
        feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();

    /// <summary>The RFC 4287 rules a reader relies on: feed id/title/updated/author/self link, each entry id/title/updated and content or
    /// alternate link.</summary>
    internal static void AssertValidAtom(XDocument feed)
    {
        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        foreach (var required in new[] { "id", "title", "updated" })
        {
            Assert.Single(root.Elements(Atom + required));
        }
        Assert.True(Uri.IsWellFormedUriString(root.Element(Atom + "id")!.Value, UriKind.Absolute));
        Assert.Single(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.NotEmpty(root.Elements(Atom + "author"));
        Assert.True(DateTimeOffset.TryParse(root.Element(Atom + "updated")!.Value, out _));
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            Assert.Single(entry.Elements(Atom + "id"));
            Assert.StartsWith("urn:uuid:", entry.Element(Atom + "id")!.Value);
            Assert.Single(entry.Elements(Atom + "title"));
            Assert.Single(entry.Elements(Atom + "updated"));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", entry.Element(Atom + "updated")!.Value);
            Assert.True(entry.Elements(Atom + "content").Count() == 1
                || entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate"));
        }
        var ids = root.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
