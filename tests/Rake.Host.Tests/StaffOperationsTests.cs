using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Rake.BuildingBlocks.Regions;

namespace Rake.Host.Tests;

/// <summary>
/// The staff operations that were API-only or missing (issue 13): a distribution list renamed, a planned communication set
/// to any status, an approval corrected and the plan's publication recorded on the plan's set-up page, a proposal's result,
/// the stored import reports, and the outputs page linking each phenomenon report to its own page. Page operations are
/// posted as the browser posts the static form (antiforgery token, form name), so the role check, the validators, the
/// error summary and the kept text are those a person meets.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class StaffOperationsTests(SharedHost shared)
{
    private static readonly HtmlParser Parser = new();

    private RakeTestHost Host => shared.Host;

    private static string Api(string region) => $"/api/v1/regions/{region}";

    [Fact]
    public async Task A_list_is_renamed_on_the_mail_page_keeping_its_members_and_a_blank_name_keeps_what_was_typed()
    {
        using var comms = await Host.ClientFor("kainuu-communications");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var created = await comms.PostAsJsonAsync($"{Api("kainuu")}/distribution-lists", new
        {
            name = $"Lista {tag}",
            description = "Ennen",
            members = new[] { new { email = $"a-{tag}@kainuu.demo.invalid", name = "A" } },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var listId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        using var page = await SignedInAsync("kainuu-communications");
        var form = FormOf(Parser.ParseDocument(await page.GetStringAsync("/kainuu/communications/mail")), $"rename-list-{listId}");
        var nameField = form.QuerySelectorAll("input").Select(i => i.GetAttribute("name") ?? "")
            .Single(n => n.EndsWith("r-name", StringComparison.Ordinal));
        var descriptionField = nameField.Replace("-name", "-description", StringComparison.Ordinal);

        var refused = await PostFormAsync(page, "/kainuu/communications/mail", $"rename-list-{listId}",
            new() { [nameField] = " ", [descriptionField] = $"Kirjoitettu {tag}" });

        var html = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.NotNull(html.QuerySelector("#error-summary"));
        Assert.Contains($"#{nameField}", html.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("true", html.GetElementById(nameField)!.GetAttribute("aria-invalid"));
        Assert.Equal($"Kirjoitettu {tag}", html.GetElementById(descriptionField)!.GetAttribute("value"));

        var renamed = await PostFormAsync(page, "/kainuu/communications/mail", $"rename-list-{listId}",
            new() { [nameField] = $"Uusi nimi {tag}", [descriptionField] = "Jälkeen" });

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var list = (await comms.GetFromJsonAsync<JsonArray>($"{Api("kainuu")}/distribution-lists"))!
            .Single(l => l!["id"]!.GetValue<Guid>() == listId)!;
        Assert.Equal(($"Uusi nimi {tag}", "Jälkeen"), (list["name"]!.GetValue<string>(), list["description"]!.GetValue<string>()));
        Assert.Equal([$"a-{tag}@kainuu.demo.invalid"], list["members"]!.AsArray().Select(m => m!["email"]!.GetValue<string>()));
        // A professional has no such form and cannot post it.
        using var professional = await SignedInAsync("kainuu-professional");
        var forbidden = await professional.GetAsync("/kainuu/communications/mail");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        await AssertAuditedAsync("kainuu", listId, "Name");
    }

    [Fact]
    public async Task A_planned_communication_is_cancelled_and_set_back_to_planned_on_the_plan_page()
    {
        using var comms = await Host.ClientFor("kymenlaakso-communications");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var added = await comms.PostAsJsonAsync($"{Api("kymenlaakso")}/planned-communications", new
        {
            what = $"Uutinen {tag}",
            audience = "Henkilöstö",
            coreMessage = "Ydinviesti",
            channel = "Intranet",
            timing = "Syyskuu",
            responsible = "Viestintä",
        });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var id = (await added.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        using var page = await SignedInAsync("kymenlaakso-communications", "sv");
        const string Path = "/kymenlaakso/communications/plan";

        var bad = await PostFormAsync(page, Path, $"status-{id}", new() { [$"status-{id}"] = "Lost" });
        var html = Parser.ParseDocument(await bad.Content.ReadAsStringAsync());
        Assert.NotNull(html.QuerySelector("#error-summary"));
        Assert.Equal("true", html.GetElementById($"status-{id}")!.GetAttribute("aria-invalid"));
        Assert.Equal("Planned", await StatusAsync());

        foreach (var status in new[] { "Cancelled", "Planned", "Done" })
        {
            var moved = await PostFormAsync(page, Path, $"status-{id}", new() { [$"status-{id}"] = status });
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            Assert.Equal(status, await StatusAsync());
        }
        // The Swedish page names the statuses in Swedish, the one chosen selected.
        var options = Parser.ParseDocument(await page.GetStringAsync(Path)).GetElementById($"status-{id}")!.QuerySelectorAll("option");
        Assert.Equal(["Planerad", "Gjord", "Inställd"], options.Select(o => o.TextContent.Trim()));
        Assert.Equal("Done", options.Single(o => o.HasAttribute("selected")).GetAttribute("value"));
        await AssertAuditedAsync("kymenlaakso", id, "Status");

        async Task<string> StatusAsync() => (await comms.GetFromJsonAsync<JsonArray>($"{Api("kymenlaakso")}/planned-communications"))!
            .Single(p => p!["id"]!.GetValue<Guid>() == id)!["status"]!.GetValue<string>();
    }

    [Fact]
    public async Task An_approval_is_corrected_and_the_publication_recorded_on_the_set_up_page_and_through_the_api()
    {
        var (region, adminName) = await PlanningEmptyRegion.CreateAsync(Host, "plan-ops");
        using var admin = await Host.ClientFor(adminName);
        var plan = $"{Api(region)}/plan";
        var created = await admin.PostAsJsonAsync(plan,
            new { title = "Suunnitelma", validFrom = "2026-01-01", validUntil = "2029-12-31", updateResponsible = "Työryhmä" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var approval = await admin.PostAsJsonAsync($"{plan}/approvals",
            new { kind = "Presented", body = "Johtoryhmä", approver = "Kirjoitusvirhe", on = "2026-02-01" });
        var approvalId = (await approval.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        // The API: bad input field by field, an unknown approval 404, another region's planner 403.
        var problem = await Reports.ReadProblemAsync(await admin.PutAsJsonAsync($"{plan}/approvals/{approvalId}",
            new { kind = "Signed", body = " " }), HttpStatusCode.BadRequest);
        Assert.Equal(["body", "kind", "on"], problem["errors"]!.AsObject().Select(e => e.Key).Order().ToArray());
        await Reports.ReadProblemAsync(await admin.PutAsJsonAsync($"{plan}/approvals/{Guid.NewGuid()}",
            new { kind = "Approved", body = "X", on = "2026-02-01" }), HttpStatusCode.NotFound);
        using var outsider = await Host.ClientFor("kainuu-planner");
        await Reports.ReadProblemAsync(await outsider.PutAsJsonAsync($"{plan}/approvals/{approvalId}",
            new { kind = "Approved", body = "X", on = "2026-02-01" }), HttpStatusCode.Forbidden);

        // The page: a refused correction keeps what was typed, a good one is stored in place.
        using var page = await SignedInAsync(adminName);
        var setup = $"/{region}/plan/setup";
        var refused = Parser.ParseDocument(await (await PostFormAsync(page, setup, $"edit-approval-{approvalId}", new()
        {
            ["approval1-kind"] = "Approved",
            ["approval1-body"] = "",
            ["approval1-approver"] = "Aluehallitus",
            ["approval1-on"] = "2026-03-15",
        })).Content.ReadAsStringAsync());
        Assert.Contains("#approval1-body", refused.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Aluehallitus", refused.GetElementById("approval1-approver")!.GetAttribute("value"));
        Assert.Equal("2026-03-15", refused.GetElementById("approval1-on")!.GetAttribute("value"));
        Assert.NotNull(refused.GetElementById("approval1-body")!.Closest("details")!.GetAttribute("open"));

        var corrected = await PostFormAsync(page, setup, $"edit-approval-{approvalId}", new()
        {
            ["approval1-kind"] = "Approved",
            ["approval1-body"] = "Aluehallitus",
            ["approval1-approver"] = "",
            ["approval1-on"] = "2026-03-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var stored = (await admin.GetFromJsonAsync<JsonObject>(plan))!["approvals"]!.AsArray().Single()!;
        Assert.Equal((approvalId, "Approved", "Aluehallitus", null, "2026-03-15"), (stored["id"]!.GetValue<Guid>(),
            stored["kind"]!.GetValue<string>(), stored["body"]!.GetValue<string>(), stored["approver"]?.GetValue<string>(),
            stored["on"]!.GetValue<string>()));

        var badAddress = Parser.ParseDocument(await (await PostFormAsync(page, setup, "plan-publication", new()
        {
            ["publication-intranetOn"] = "2026-04-01",
            ["publication-intranetUrl"] = "javascript:alert(1)",
            ["publication-websiteOn"] = "",
            ["publication-websiteUrl"] = "",
        })).Content.ReadAsStringAsync());
        Assert.Contains("#publication-intranetUrl", badAddress.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("2026-04-01", badAddress.GetElementById("publication-intranetOn")!.GetAttribute("value"));
        Assert.Null((await admin.GetFromJsonAsync<JsonObject>(plan))!["publishedIntranetOn"]);

        var published = await PostFormAsync(page, setup, "plan-publication", new()
        {
            ["publication-intranetOn"] = "2026-04-01",
            ["publication-intranetUrl"] = "https://intra.example.invalid/suunnitelma",
            ["publication-websiteOn"] = "",
            ["publication-websiteUrl"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var after = (await admin.GetFromJsonAsync<JsonObject>(plan))!;
        Assert.Equal("2026-04-01", after["publishedIntranetOn"]!.GetValue<string>());
        Assert.Equal("https://intra.example.invalid/suunnitelma", after["intranetUrl"]!.GetValue<string>());
        Assert.Null(after["publishedWebsiteOn"]);
        var shown = Parser.ParseDocument(await page.GetStringAsync(setup)).GetElementById("setup-publication")!.TextContent;
        Assert.Contains("1.4.2026", shown, StringComparison.Ordinal);
        await AssertAuditedAsync(region, approvalId, "Body", adminName);
    }

    [Fact]
    public async Task A_proposal_step_carries_a_result_that_stays_until_a_new_one_is_written()
    {
        const string Region = "kymenlaakso";
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        var bodyId = (await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "WorkingGroup"))["id"]!.GetValue<Guid>();
        var meeting = await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, DateTimeOffset.UtcNow.AddDays(-1));
        var meetingId = meeting["meeting"]!["id"]!.GetValue<Guid>();
        var proposal = await responsible.PostAsJsonAsync($"{Api(Region)}/meetings/{meetingId}/action-proposals",
            new { title = "Lisää tuettua asumista", targetKind = "Municipality", target = "Kotka" });
        var path = $"{Api(Region)}/action-proposals/{(await proposal.Content.ReadFromJsonAsync<JsonObject>())!["id"]}/status";

        var tooLong = await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync(path,
            new { status = "Sent", result = new string('x', 4001) }), HttpStatusCode.BadRequest);
        Assert.Equal(["result"], tooLong["errors"]!.AsObject().Select(e => e.Key));
        var sent = await (await responsible.PutAsJsonAsync(path, new { status = "Sent", result = " Lähetetty kaupungille 3.3. " }))
            .Content.ReadFromJsonAsync<JsonObject>();
        var accepted = await (await responsible.PutAsJsonAsync(path, new { status = "Accepted" })).Content.ReadFromJsonAsync<JsonObject>();
        var done = await (await responsible.PutAsJsonAsync(path, new { status = "Done", result = "Kaupunki lisäsi kymmenen asuntoa." }))
            .Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal("Lähetetty kaupungille 3.3.", sent!["result"]!.GetValue<string>());
        Assert.Equal("Lähetetty kaupungille 3.3.", accepted!["result"]!.GetValue<string>());
        Assert.Equal("Kaupunki lisäsi kymmenen asuntoa.", done!["result"]!.GetValue<string>());
        using var page = await SignedInAsync($"{Region}-responsibleperson");
        var shown = Parser.ParseDocument(await page.GetStringAsync($"/{Region}/meetings/{meetingId}"));
        Assert.Equal("Kaupunki lisäsi kymmenen asuntoa.", shown.GetElementById($"proposal-result-{done["id"]}")!.TextContent.Trim());
    }

    [Fact]
    public async Task Each_confirmed_import_and_each_refused_one_is_kept_as_an_import_report()
    {
        using var client = await Host.ClientFor("keski-suomi-responsibleperson");
        var tag = Guid.NewGuid().ToString("N")[..8];
        string[] Row(string id, string title) =>
            [id, "3.2.2024 9:15", "Kielteinen", title, "Kuvaus", "Ehdotus", "Asuminen", "Aikuisten sosiaalipalvelut", "Jyväskylä",
                "Työikäiset"];
        var good = ReportingOutputsTests.Csv(
            [ReportingOutputsTests.Header, Row($"{tag}-1", $"Yksi {tag}"), Row($"{tag}-2", $"Kaksi {tag}")]);
        var bad = ReportingOutputsTests.Csv([ReportingOutputsTests.Header, Row($"{tag}-3", $"Kolme {tag}"), Row($"{tag}-4", "")]);

        var imported = await (await ReportingOutputsTests.PostFileAsync(client, $"{Api("keski-suomi")}/imports", good, $"hyva-{tag}.csv"))
            .Content.ReadFromJsonAsync<JsonObject>();
        await Reports.ReadProblemAsync(await ReportingOutputsTests.PostFileAsync(client, $"{Api("keski-suomi")}/imports", bad,
            $"huono-{tag}.csv"), HttpStatusCode.BadRequest);
        await ReportingOutputsTests.PostFileAsync(client, $"{Api("keski-suomi")}/imports/preview", good, $"esikatselu-{tag}.csv");

        var runs = (await client.GetFromJsonAsync<JsonObject>($"{Api("keski-suomi")}/imports?pageSize=50"))!["items"]!.AsArray()
            .Where(r => r!["fileName"]!.GetValue<string>().EndsWith($"{tag}.csv", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"huono-{tag}.csv", $"hyva-{tag}.csv"], runs.Select(r => r!["fileName"]!.GetValue<string>()));
        var (refused, done) = (runs[0]!, runs[1]!);
        Assert.Equal(("Refused", 2, 0, 1), (refused["outcome"]!.GetValue<string>(), refused["rowCount"]!.GetValue<int>(),
            refused["newCount"]!.GetValue<int>(), refused["errorCount"]!.GetValue<int>()));
        Assert.Empty(refused["reportNumbers"]!.AsArray());
        Assert.Equal(("Imported", "keski-suomi-responsibleperson", 2), (done["outcome"]!.GetValue<string>(),
            done["importedBy"]!.GetValue<string>(), done["newCount"]!.GetValue<int>()));
        Assert.Equal(imported!["importedNumbers"]!.AsArray().Select(n => n!.GetValue<int>()),
            done["reportNumbers"]!.AsArray().Select(n => n!.GetValue<int>()));

        // The wizard's page lists them; someone without the import role sees neither the page nor the list.
        using var page = await SignedInAsync("keski-suomi-responsibleperson");
        var table = Parser.ParseDocument(await page.GetStringAsync("/keski-suomi/reports/import")).GetElementById("import-runs")!;
        Assert.Contains($"hyva-{tag}.csv", table.TextContent, StringComparison.Ordinal);
        Assert.Contains($"huono-{tag}.csv", table.TextContent, StringComparison.Ordinal);
        using var professional = await Host.ClientFor("keski-suomi-professional");
        await Reports.ReadProblemAsync(await professional.GetAsync($"{Api("keski-suomi")}/imports"), HttpStatusCode.Forbidden);
        var paging = await Reports.ReadProblemAsync(await client.GetAsync($"{Api("keski-suomi")}/imports?page=0&pageSize=500"),
            HttpStatusCode.BadRequest);
        Assert.Equal(["page", "pageSize"], paging["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_refused_imports_report_keeps_each_bad_rows_number_and_reasons_without_quoting_the_row()
    {
        using var client = await Host.ClientFor("keski-suomi-responsibleperson");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var file = $"hylatty-{tag}.csv";
        string[] Row(string id, string date, string type, string title, string description, string municipality) =>
            [id, date, type, title, description, "Ehdotus", "Asuminen", "Aikuisten sosiaalipalvelut", municipality, "Työikäiset"];
        var csv = ReportingOutputsTests.Csv([ReportingOutputsTests.Header,
            Row($"{tag}-1", "3.2.2024 9:15", "Kielteinen", $"Hyvä {tag}", "Kuvaus", "Jyväskylä"),
            Row($"{tag}-2", "3.2.2024 9:15", "Kielteinen", "", "Asiakas 131052-308T kertoi", $"Xyzzy{tag}"),
            Row($"{tag}-3", "32.13.2024", $"outo{tag}", $"Kolmas {tag}", "Kuvaus", "Jyväskylä")]);

        await Reports.ReadProblemAsync(await ReportingOutputsTests.PostFileAsync(client, $"{Api("keski-suomi")}/imports", csv, file),
            HttpStatusCode.BadRequest);

        using var swedish = new HttpRequestMessage(HttpMethod.Get, $"{Api("keski-suomi")}/imports?pageSize=50");
        swedish.Headers.AcceptLanguage.ParseAdd("sv");
        var body = await (await client.SendAsync(swedish)).Content.ReadAsStringAsync();
        var run = JsonNode.Parse(body)!["items"]!.AsArray().Single(r => r!["fileName"]!.GetValue<string>() == file)!;
        var rows = run["refusedRows"]!.AsArray();
        // The header is row 1: the good row 2 is not listed, rows 3 and 4 are, each with every problem found in it.
        Assert.Equal([3, 4], rows.Select(r => r!["row"]!.GetValue<int>()));
        static List<string> Problems(JsonNode row) =>
            row["reasons"]!.AsArray().Select(r => $"{r!["column"]} {r["problem"]}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["description IdentityCode", "municipality UnknownTerm", "title Required"], Problems(rows[0]!));
        Assert.Equal(["date BadDate", "type UnknownType"], Problems(rows[1]!));
        var texts = rows.SelectMany(r => r!["reasons"]!.AsArray()).ToDictionary(r => (string)r!["problem"]!, r => (string)r!["text"]!);
        Assert.Equal("Kolumnen Beskrivning innehåller en personbeteckning. Ta bort den ur filen och importera filen igen.",
            texts["IdentityCode"]);
        Assert.Equal("Kolumnen Rubrik är tom. Fyll i den och importera filen igen.", texts["Required"]);
        Assert.StartsWith("Värdet i kolumnen Kommun finns inte i områdets klassificering. Använd en av dessa koder", texts["UnknownTerm"],
            StringComparison.Ordinal);
        // What the rows said is not kept: neither the identity code nor any rejected value.
        foreach (var quoted in new[] { "131052-308T", $"Xyzzy{tag}", $"outo{tag}", "32.13.2024" })
        {
            Assert.DoesNotContain(quoted, body, StringComparison.Ordinal);
        }

        // The wizard's page shows the same rows and reasons in the reader's language, linked from the refused import's row.
        using var page = await SignedInAsync("keski-suomi-responsibleperson", "en");
        var html = await page.GetStringAsync("/keski-suomi/reports/import");
        var document = Parser.ParseDocument(html);
        var anchor = $"refused-{run["id"]!.GetValue<Guid>():N}";
        Assert.Contains(document.QuerySelectorAll("#import-runs a"), a => a.GetAttribute("href") == $"#{anchor}");
        var table = document.GetElementById(anchor)!;
        Assert.Equal(["3", "4"], table.QuerySelectorAll("tbody th[scope=rowgroup]").Select(th => th.TextContent.Trim()));
        Assert.Contains("The Title column is empty. Fill it in and import the file again.",
            table.QuerySelector($"#{anchor}-row-3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The date in the Date column cannot be read.", table.QuerySelector($"#{anchor}-row-4")!.TextContent,
            StringComparison.Ordinal);
        Assert.DoesNotContain("131052-308T", html, StringComparison.Ordinal);

        // Another region's import reports do not include it.
        using var other = await Host.ClientFor("kainuu-responsibleperson");
        Assert.DoesNotContain(file, await other.GetStringAsync($"{Api("kainuu")}/imports?pageSize=100"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outputs_page_links_a_phenomenon_report_to_its_own_page()
    {
        using var responsible = await Host.ClientFor("kymenlaakso-responsibleperson");
        using var reporter = await Host.ClientFor("kymenlaakso-professional");
        var (_, number, _) = await Reports.SubmitAsync(reporter, "kymenlaakso");
        var chosen = await responsible.PostAsJsonAsync($"{Api("kymenlaakso")}/phenomenon-reports", new
        {
            title = $"Ilmiö {Guid.NewGuid():N}"[..20],
            description = "Kuvaus",
            needs = "Tarve",
            topicality = "Ajankohtaisuus",
            significance = "Merkitys",
            recurrence = "Toistuvuus",
            relatedReports = new[] { number },
        });
        Assert.True(chosen.StatusCode == HttpStatusCode.Created, await chosen.Content.ReadAsStringAsync());
        var id = (await chosen.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        using var page = await SignedInAsync("kymenlaakso-responsibleperson");
        var outputs = Parser.ParseDocument(await page.GetStringAsync("/kymenlaakso/reports/outputs"));

        Assert.Equal($"/kymenlaakso/phenomenon-reports/{id}", outputs.GetElementById($"outputs-phenomenon-{id}")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await page.GetAsync($"/kymenlaakso/phenomenon-reports/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_renewal_links_a_new_account_the_pack_follows_it_and_an_unknown_account_is_a_problem_on_its_field()
    {
        // docs/adr/0182: the renewal takes the accounts as a new nomination does, through the API and the renewal form's picker.
        var (firstId, first) = await Host.CreateAccountAsync("hytetu-old");
        var (secondId, second) = await Host.CreateAccountAsync("hytetu-new");
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        foreach (var id in new[] { firstId, secondId })
        {
            (await admin.PostAsJsonAsync($"{Api("kainuu")}/people/{id}/roles", new { role = "Professional" })).EnsureSuccessStatusCode();
        }
        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        var today = Helsinki.Today(TimeProvider.System);
        var created = await supervisor.PostAsJsonAsync($"{Api("kainuu")}/wellbeing-group-nominations", new
        {
            municipality = "Kuhmo",
            groupName = "Kuhmon hyte-työryhmä",
            memberName = "Vanha Jäsen",
            decidedBy = "Palvelualuepäällikkö",
            decidedOn = today.AddDays(-2),
            memberUserName = first,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var nominationId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var pack = $"{Api("kainuu")}/briefs/municipality/{today.Year}/kuhmo";
        using var old = await Host.ClientFor(first);
        using var fresh = await Host.ClientFor(second);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync(pack)).StatusCode);

        // The API: an unknown account, another region's person and a deputy's account without a deputy each name their field.
        var renewal = $"{Api("kainuu")}/wellbeing-group-nominations/{nominationId}/renewal";
        var refused = await Reports.ReadProblemAsync(await supervisor.PutAsJsonAsync(renewal, new
        {
            memberName = "Uusi Jäsen",
            decidedBy = "Palvelualuepäällikkö",
            decidedOn = today,
            memberUserName = "no-such-person",
            deputyUserName = second,
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["deputyUserName", "memberUserName"], refused["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Contains("no-such-person", refused["errors"]!["memberUserName"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var elsewhere = await Reports.ReadProblemAsync(await supervisor.PutAsJsonAsync(renewal, new
        {
            memberName = "Uusi Jäsen",
            decidedBy = "Palvelualuepäällikkö",
            decidedOn = today,
            memberUserName = "kymenlaakso-professional",
        }), HttpStatusCode.BadRequest);
        Assert.Equal(["memberUserName"], elsewhere["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync(pack)).StatusCode);

        // The form shows the linked account; a refused post is an error summary pointing at the picker; a good one links the new
        // person, and the pack follows: the previous member is refused, the new one reads it.
        using var page = await SignedInAsync("kainuu-supervisor");
        var path = $"/kainuu/working-groups/nominations/{nominationId}";
        Assert.Contains(first, Parser.ParseDocument(await page.GetStringAsync(path)).GetElementById("memberUserName-hint")!.TextContent,
            StringComparison.Ordinal);
        Dictionary<string, string> Fields(string account) => new()
        {
            ["memberName"] = "Uusi Jäsen",
            ["deputyName"] = "",
            ["decidedBy"] = "Palvelualuepäällikkö",
            ["decidedOn"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["memberAccount"] = account,
        };
        var bad = Parser.ParseDocument(await (await PostFormAsync(page, path, "renew", Fields("no-such-person"))).Content
            .ReadAsStringAsync());
        Assert.Contains("#memberUserName", bad.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync(pack)).StatusCode);
        var renewed = await PostFormAsync(page, path, "renew", Fields(second));
        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        await Reports.ReadProblemAsync(await old.GetAsync(pack), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(pack)).StatusCode);

        // Renewed again for the same person without naming an account: the account stays.
        var again = await supervisor.PutAsJsonAsync(renewal,
            new { memberName = "Uusi Jäsen", decidedBy = "Palvelualuepäällikkö", decidedOn = today });
        Assert.True(again.StatusCode == HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(pack)).StatusCode);
    }

    [Fact]
    public async Task A_report_is_linked_to_its_regions_phenomenon_on_its_own_page_and_never_to_another_regions()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var professional = await Host.ClientFor("kainuu-professional");
        var (reportId, number, _) = await Reports.SubmitAsync(professional, "kainuu");
        using var responsible = await Host.ClientFor("kainuu-responsibleperson");
        async Task<Guid> PhenomenonAsync(HttpClient client, string region, string title)
        {
            var made = await client.PostAsJsonAsync($"{Api(region)}/phenomena", new { title, description = "Kuvaus" });
            Assert.Equal(HttpStatusCode.Created, made.StatusCode);
            return (await made.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        }
        var own = await PhenomenonAsync(responsible, "kainuu", $"Nuorten yksinäisyys {tag}");
        using var otherResponsible = await Host.ClientFor("kymenlaakso-responsibleperson");
        var foreign = await PhenomenonAsync(otherResponsible, "kymenlaakso", $"Toisen alueen ilmiö {tag}");

        using var page = await SignedInAsync("kainuu-responsibleperson", "en");
        var path = $"/kainuu/reports/{reportId}";
        var before = Parser.ParseDocument(await page.GetStringAsync(path));
        Assert.NotNull(before.GetElementById("report-phenomena-none"));
        var options = before.QuerySelectorAll("#phenomenonId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(own.ToString(), options);
        Assert.DoesNotContain(foreign.ToString(), options);
        Assert.Equal("Phenomenon", before.QuerySelector("label[for=phenomenonId]")!.TextContent.Trim());

        // Nothing chosen, or another region's phenomenon posted by hand: an error summary on the field, nothing linked.
        foreach (var posted in new[] { "", foreign.ToString() })
        {
            var refused = Parser.ParseDocument(await (await PostFormAsync(page, path, "link-phenomenon",
                new() { ["phenomenonId"] = posted })).Content.ReadAsStringAsync());
            Assert.Contains("#phenomenonId", refused.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")));
            Assert.Equal("true", refused.GetElementById("phenomenonId")!.GetAttribute("aria-invalid"));
        }
        var foreignRow = (await otherResponsible.GetFromJsonAsync<JsonObject>($"{Api("kymenlaakso")}/phenomena/{foreign}"))!;
        Assert.Empty(foreignRow["reports"]!.AsArray());
        await Reports.ReadProblemAsync(await responsible.PostAsJsonAsync($"{Api("kainuu")}/phenomena/{foreign}/reports",
            new { reportNumber = number }), HttpStatusCode.NotFound);

        // Linked, twice (the second changes nothing): the page lists it, and so does the phenomenon.
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect,
                (await PostFormAsync(page, path, "link-phenomenon", new() { ["phenomenonId"] = own.ToString() })).StatusCode);
        }
        var after = Parser.ParseDocument(await page.GetStringAsync(path));
        Assert.Equal([$"/kainuu/phenomena/{own}"], after.QuerySelectorAll("#report-phenomena a").Select(a => a.GetAttribute("href")));
        var ownRow = (await responsible.GetFromJsonAsync<JsonObject>($"{Api("kainuu")}/phenomena/{own}"))!;
        Assert.Equal([number], ownRow["reports"]!.AsArray().Select(r => r!["number"]!.GetValue<int>()));

        // The reporter sees no linking form.
        using var reporter = await SignedInAsync("kainuu-professional");
        Assert.Null(Parser.ParseDocument(await reporter.GetStringAsync(path)).QuerySelector("input[name=_handler][value=link-phenomenon]"));
    }

    /// <summary>A client signed in through the login form, keeping its cookies (antiforgery too), not following redirects.</summary>
    private async Task<HttpClient> SignedInAsync(string userName, string language = "fi")
    {
        var client = CookieSignIn.Client(Host.BaseAddress, new CookieContainer());
        var login = await CookieSignIn.PostLoginAsync(client, userName, RakeTestHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>Posts one named form of a static page as the browser does.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string path, string form, Dictionary<string, string> fields)
    {
        fields["_handler"] = form;
        fields["__RequestVerificationToken"] = await CookieSignIn.TokenOfAsync(client, path);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static IElement FormOf(IDocument page, string formName) =>
        page.QuerySelectorAll("input[name=_handler]").Single(i => i.GetAttribute("value") == formName).Closest("form")!;

    private async Task AssertAuditedAsync(string region, Guid entityId, string property, string? admin = null)
    {
        using var client = await Host.ClientFor(admin ?? $"{region}-regionadmin");
        var trail = await client.GetFromJsonAsync<JsonArray>($"{Api(region)}/audit?entityId={entityId}");
        Assert.Contains(trail!, e => e!["changedProperties"]?.GetValue<string>()?.Contains(property, StringComparison.Ordinal) == true);
    }
}
