using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Rake.BuildingBlocks.Regions;

namespace Rake.Host.Tests;

/// <summary>
/// The municipality pack (docs/adr/0171): its counts, phenomena, decisions and proposals are the municipality's own and hold no
/// report text; a nominated HYTETU member reads and answers only their municipality's pack; other regions and roles without
/// access are refused; bad input is a ProblemDetails and stores nothing.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class MunicipalPackApiTests(SharedHost shared)
{
    private const string Region = "kainuu";
    private const string Api = "/api/v1/regions/kainuu";

    // Municipalities no other test class reports from, so the counts here are this class's own.
    private const string Town = "ristijarvi";
    private const string OtherTown = "hyrynsalmi";

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Seeded? seeded;

    private RakeTestHost Host => shared.Host;

    private static string Period => Helsinki.Today(TimeProvider.System).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string PackPath(string town = Town, string? period = null) => $"{Api}/briefs/municipality/{period ?? Period}/{town}";

    private sealed record Seeded(string Phenomenon, string ReportTitle, string Decision, string Proposal, string HytetuUser);

    /// <summary>Two reports from the town, one in the register and noted with a steering-group decision, a municipal proposal, and
    /// a professional nominated to the town's HYTETU group; made once for the class.</summary>
    private async Task<Seeded> SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (seeded is not null)
            {
                return seeded;
            }
            var suffix = Guid.NewGuid().ToString("N")[..8];
            using var professional = await Host.ClientFor($"{Region}-professional");
            var reportTitle = $"Ristijärven nuorten asuminen {suffix}";
            var first = Reports.Valid(Region, reportTitle);
            first["municipality"] = Town;
            var (_, number, _) = await Reports.SubmitAsync(professional, Region, first);
            var second = Reports.Valid(Region, $"Ikääntyneiden kuljetukset {suffix}");
            second["municipality"] = Town;
            second["serviceArea"] = "elderly";
            second["categories"] = new[] { "loneliness" };
            await Reports.SubmitAsync(professional, Region, second);
            var elsewhere = Reports.Valid(Region, $"Muualla {suffix}");
            elsewhere["municipality"] = OtherTown;
            await Reports.SubmitAsync(professional, Region, elsewhere);

            using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
            var phenomenonTitle = $"Nuorten asunnottomuus Ristijärvellä {suffix}";
            var created = await responsible.PostAsJsonAsync($"{Api}/phenomena", new { title = phenomenonTitle, description = "Kuvaus" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var phenomenonId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            (await responsible.PostAsJsonAsync($"{Api}/phenomena/{phenomenonId}/reports", new { reportNumber = number }))
                .EnsureSuccessStatusCode();

            using var steering = await Host.ClientFor($"{Region}-steeringgroupmember");
            var decision = $"Asumisneuvontaa lisätään Ristijärvellä {suffix}";
            var note = await steering.PostAsJsonAsync($"{Api}/compilations/{Period}/notes",
                new { kind = "SteeringGroupDecision", text = decision, reportNumber = number, responsiblePerson = "Palvelujohtaja" });
            Assert.Equal(HttpStatusCode.Created, note.StatusCode);

            var bodyId = (await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "WorkingGroup"))["id"]!.GetValue<Guid>();
            var meeting = await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, DateTimeOffset.UtcNow.AddDays(-1));
            var meetingId = meeting["meeting"]!["id"]!.GetValue<Guid>();
            var proposal = $"Kunnan vuokra-asuntoja nuorille {suffix}";
            (await responsible.PostAsJsonAsync($"{Api}/meetings/{meetingId}/action-proposals",
                new { title = proposal, targetKind = "Municipality", target = "Ristijärvi" })).EnsureSuccessStatusCode();
            (await responsible.PostAsJsonAsync($"{Api}/meetings/{meetingId}/action-proposals",
                    new { title = $"Toiselle kunnalle {suffix}", targetKind = "Municipality", target = "Hyrynsalmi" }))
                .EnsureSuccessStatusCode();

            var (userId, userName) = await Host.CreateAccountAsync("hytetu");
            using var admin = await Host.ClientFor($"{Region}-regionadmin");
            (await admin.PostAsJsonAsync($"{Api}/people/{userId}/roles", new { role = "Professional" })).EnsureSuccessStatusCode();
            using var supervisor = await Host.ClientFor($"{Region}-supervisor");
            var nomination = await supervisor.PostAsJsonAsync($"{Api}/wellbeing-group-nominations", new
            {
                municipality = "Ristijärvi",
                groupName = "Ristijärven hyte-työryhmä",
                memberName = "Testi Hytetu",
                decidedBy = "Palvelualuepäällikkö",
                decidedOn = Helsinki.Today(TimeProvider.System).AddDays(-1),
                memberUserName = userName,
            });
            Assert.True(nomination.StatusCode == HttpStatusCode.Created, await nomination.Content.ReadAsStringAsync());
            return seeded = new Seeded(phenomenonTitle, reportTitle, decision, proposal, userName);
        }
        finally
        {
            Once.Release();
        }
    }

    [Fact]
    public async Task The_pack_counts_the_municipalitys_reports_and_lists_its_phenomena_decisions_and_proposals_without_report_text()
    {
        var s = await SeedAsync();
        using var member = await Host.ClientFor($"{Region}-workinggroupmember");
        var response = await member.GetAsync(PackPath());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var pack = JsonNode.Parse(body)!.AsObject();

        Assert.Equal(Town, pack["municipality"]!.GetValue<string>());
        Assert.Equal("Ristijärvi", pack["municipalityName"]!.GetValue<string>());
        Assert.Equal(2, pack["total"]!.GetValue<int>());
        var areas = pack["byServiceArea"]!.AsArray().ToDictionary(a => a!["key"]!.GetValue<string>(), a => a!["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["adults"] = 1, ["elderly"] = 1 }, areas);
        var categories = pack["byCategory"]!.AsArray().ToDictionary(a => a!["key"]!.GetValue<string>(), a => a!["count"]!.GetValue<int>());
        Assert.Equal(1, categories["housing"]);
        Assert.Equal(1, categories["loneliness"]);

        var phenomenon = Assert.Single(pack["phenomena"]!.AsArray());
        Assert.Equal(s.Phenomenon, phenomenon!["title"]!.GetValue<string>());
        Assert.Equal(1, phenomenon["count"]!.GetValue<int>());
        Assert.Equal("New", phenomenon["trend"]!.GetValue<string>());
        Assert.Contains(pack["decisions"]!.AsArray(), d => d!["text"]!.GetValue<string>().Contains(s.Decision, StringComparison.Ordinal));
        var proposal = Assert.Single(pack["proposals"]!.AsArray());
        Assert.Equal(s.Proposal, proposal!["title"]!.GetValue<string>());
        Assert.Equal("Proposed", proposal["status"]!.GetValue<string>());
        // Hyrynsalmi's proposal and report are Hyrynsalmi's; no report's own title or text reaches the pack.
        Assert.DoesNotContain("Toiselle kunnalle", body, StringComparison.Ordinal);
        Assert.DoesNotContain(s.ReportTitle, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Lisätään tuettuja asuntoja", body, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Region}-professional", body, StringComparison.Ordinal);
        // A working-group member may write down what a municipal group told them.
        Assert.True(pack["canRespond"]!.GetValue<bool>());

        var list = (await member.GetFromJsonAsync<JsonObject>($"{Api}/briefs/municipality/{Period}"))!;
        var towns = list["municipalities"]!.AsArray().ToDictionary(m => m!["municipality"]!.GetValue<string>(), m => m);
        Assert.Equal(8, towns.Count);
        Assert.Equal(2, towns[Town]!["total"]!.GetValue<int>());
        Assert.True(towns[OtherTown]!["total"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task A_nominated_member_reads_and_answers_only_their_municipalitys_pack_and_the_answer_is_kept_with_its_author()
    {
        var s = await SeedAsync();
        using var hytetu = await Host.ClientFor(s.HytetuUser);
        var list = (await hytetu.GetFromJsonAsync<JsonObject>($"{Api}/briefs/municipality/{Period}"))!;
        Assert.Equal([Town], list["municipalities"]!.AsArray().Select(m => m!["municipality"]!.GetValue<string>()));
        var pack = (await hytetu.GetFromJsonAsync<JsonObject>(PackPath()))!;
        Assert.True(pack["canRespond"]!.GetValue<bool>());
        await Reports.ReadProblemAsync(await hytetu.GetAsync(PackPath(OtherTown)), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await hytetu.PostAsJsonAsync($"{PackPath(OtherTown)}/responses",
            new { text = "Käsitelty", handledOn = Helsinki.Today(TimeProvider.System) }), HttpStatusCode.Forbidden);

        var text = $"Hyte-työryhmä otti asumisen kuntastrategiaan {Guid.NewGuid():N}";
        var handledOn = Helsinki.Today(TimeProvider.System).AddDays(-2);
        var created = await hytetu.PostAsJsonAsync($"{PackPath()}/responses", new { text, handledOn });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var after = (await hytetu.GetFromJsonAsync<JsonObject>(PackPath()))!;
        var answer = Assert.Single(after["responses"]!.AsArray(), r => r!["text"]!.GetValue<string>() == text);
        Assert.Equal(s.HytetuUser, answer!["recordedBy"]!.GetValue<string>());
        Assert.Equal(handledOn, DateOnly.Parse(answer["handledOn"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        // Kept per period and municipality: the previous period's pack of the same town does not show it.
        var lastYear = (Helsinki.Today(TimeProvider.System).Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = (await hytetu.GetFromJsonAsync<JsonObject>(PackPath(period: lastYear)))!;
        Assert.DoesNotContain(before["responses"]!.AsArray(), r => r!["text"]!.GetValue<string>() == text);

        using var admin = await Host.ClientFor($"{Region}-regionadmin");
        var adminView = (await admin.GetFromJsonAsync<JsonObject>(PackPath()))!;
        Assert.Contains(adminView["responses"]!.AsArray(), r => r!["text"]!.GetValue<string>() == text);
        Assert.False(adminView["canRespond"]!.GetValue<bool>());
        await Reports.ReadProblemAsync(await admin.PostAsJsonAsync($"{PackPath()}/responses", new { text = "Ei", handledOn }),
            HttpStatusCode.Forbidden);
        var trail = await admin.GetFromJsonAsync<JsonArray>($"{Api}/audit?entityId={answer["id"]!.GetValue<Guid>()}");
        Assert.NotEmpty(trail!);
    }

    [Theory]
    [InlineData("kainuu-professional")]
    [InlineData("kainuu-supervisor")]
    [InlineData("kainuu-communications")]
    [InlineData("kymenlaakso-workinggroupmember")]
    [InlineData("kymenlaakso-regionadmin")]
    public async Task A_role_without_a_nomination_and_another_regions_people_are_refused(string user)
    {
        await SeedAsync();
        using var client = await Host.ClientFor(user);
        await Reports.ReadProblemAsync(await client.GetAsync(PackPath()), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await client.GetAsync($"{Api}/briefs/municipality/{Period}"), HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await client.PostAsJsonAsync($"{PackPath()}/responses",
            new { text = "Käsitelty", handledOn = Helsinki.Today(TimeProvider.System) }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_regions_municipality_is_not_found_and_its_own_pack_is_its_own()
    {
        var s = await SeedAsync();
        using var hytetu = await Host.ClientFor(s.HytetuUser);
        await Reports.ReadProblemAsync(await hytetu.GetAsync($"/api/v1/regions/kymenlaakso/briefs/municipality/2026-H1/kotka"),
            HttpStatusCode.Forbidden);
        using var kymi = await Host.ClientFor("kymenlaakso-workinggroupmember");
        await Reports.ReadProblemAsync(await kymi.GetAsync($"/api/v1/regions/kymenlaakso/briefs/municipality/2026-H1/{Town}"),
            HttpStatusCode.NotFound);
        var kotka = (await kymi.GetFromJsonAsync<JsonObject>("/api/v1/regions/kymenlaakso/briefs/municipality/2026-H1/kotka"))!;
        Assert.DoesNotContain(s.Phenomenon, kotka.ToJsonString(), StringComparison.Ordinal);
        using var anonymous = Host.Anonymous();
        await Reports.ReadProblemAsync(await anonymous.GetAsync(PackPath()), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_input_is_a_problem_in_the_readers_language_and_stores_nothing()
    {
        var s = await SeedAsync();
        using var hytetu = await Host.ClientFor(s.HytetuUser);
        var period = await Reports.ReadProblemAsync(await hytetu.GetAsync(PackPath(period: "2026-Q9")), HttpStatusCode.BadRequest);
        Assert.NotNull(period["errors"]!["periodId"]);
        await Reports.ReadProblemAsync(await hytetu.GetAsync(PackPath("atlantis")), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await hytetu.GetAsync(PackPath(new string('k', 300))), HttpStatusCode.NotFound);
        var count = (await hytetu.GetFromJsonAsync<JsonObject>(PackPath()))!["responses"]!.AsArray().Count;

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{PackPath()}/responses")
        {
            Content = JsonContent.Create(new { text = " ", handledOn = Helsinki.Today(TimeProvider.System).AddDays(3) }),
        };
        request.Headers.AcceptLanguage.ParseAdd("sv");
        var invalid = await Reports.ReadProblemAsync(await hytetu.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["errors"]!["text"]);
        var future = invalid["errors"]!["handledOn"]!.AsArray().Select(e => e!.GetValue<string>());
        Assert.Contains("Behandlingsdagen kan inte vara i framtiden.", future);
        var missing = await Reports.ReadProblemAsync(await hytetu.PostAsJsonAsync($"{PackPath()}/responses", new { text = "Käsitelty" }),
            HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["handledOn"]);
        var code = await Reports.ReadProblemAsync(await hytetu.PostAsJsonAsync($"{PackPath()}/responses",
            new { text = "Asiakas 131052-308T kävi", handledOn = Helsinki.Today(TimeProvider.System) }), HttpStatusCode.BadRequest);
        Assert.NotNull(code["errors"]!["text"]);
        var wrongPeriod = await Reports.ReadProblemAsync(await hytetu.PostAsJsonAsync($"{PackPath(period: "abc")}/responses",
            new { text = "Käsitelty", handledOn = Helsinki.Today(TimeProvider.System) }), HttpStatusCode.BadRequest);
        Assert.NotNull(wrongPeriod["errors"]!["periodId"]);

        Assert.Equal(count, (await hytetu.GetFromJsonAsync<JsonObject>(PackPath()))!["responses"]!.AsArray().Count);
    }
}
