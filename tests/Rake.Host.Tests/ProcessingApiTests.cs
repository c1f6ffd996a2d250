using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Rake.Host.Tests;

[Collection(SharedHostCollection.Name)]
public sealed class ProcessingApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    internal static object Record(string core = "Nuorten asunnottomuus") => new
    {
        coreOfReport = core,
        communicationGoal = "Päättäjät tietävät tilanteen",
        audience = "Aluehallitus",
        coreMessage = "Tukiasuntoja tarvitaan lisää",
        channelAndMethod = "Esittely kokouksessa",
        timing = "Syyskuu",
        responsible = "Palvelualuejohtaja",
        followUp = "Puolen vuoden päästä",
        priority = 2,
        result = "Odottaa",
    };

    [Fact]
    public async Task The_supervisor_processes_a_report_and_the_reporter_sees_the_new_status_and_feedback()
    {
        using var professional = await Host.ClientFor("kymenlaakso-professional");
        using var supervisor = await Host.ClientFor("kymenlaakso-supervisor");
        var (id, number, location) = await Reports.SubmitAsync(professional, "kymenlaakso");
        await Host.DeliverEventsAsync();

        var inbox = await supervisor.GetFromJsonAsync<JsonObject>("/api/v1/regions/kymenlaakso/social-reports?scope=Inbox&pageSize=200");
        Assert.Contains(inbox!["items"]!.AsArray(), i => i!["id"]!.GetValue<Guid>() == id);
        var notifications = await supervisor.GetFromJsonAsync<JsonArray>("/api/v1/regions/kymenlaakso/notifications");
        Assert.Single(notifications!, n => n!["reportId"]!.GetValue<Guid>() == id && n["kind"]!.GetValue<string>() == "received");

        var saved = await supervisor.PutAsJsonAsync($"{location}/supervisor-record", Record());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var moved = await supervisor.PostAsJsonAsync($"{location}/status-changes",
            new { status = "ToWorkingGroup", comment = "Viedään RAKE-työryhmään syyskuussa." });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await Host.DeliverEventsAsync();

        var seen = await professional.GetFromJsonAsync<JsonObject>(location);
        Assert.Equal("ToWorkingGroup", seen!["status"]!.GetValue<string>());
        var steps = seen["timeline"]!.AsArray().Select(t => t!["status"]!.GetValue<string>()).ToArray();
        Assert.Equal(["Received", "WithSupervisor", "ToWorkingGroup"], steps);
        Assert.Equal("Viedään RAKE-työryhmään syyskuussa.", seen["timeline"]![2]!["comment"]!.GetValue<string>());
        var mine = await professional.GetFromJsonAsync<JsonArray>("/api/v1/regions/kymenlaakso/notifications");
        Assert.Equal(2,
            mine!.Count(n => n!["reportNumber"]!.GetValue<int>() == number && n["kind"]!.GetValue<string>() == "statusChanged"));
    }

    [Fact]
    public async Task A_step_the_flow_does_not_allow_is_a_conflict_naming_the_allowed_steps()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        var (_, _, location) = await Reports.SubmitAsync(professional, "kainuu");

        var problem = await Reports.ReadProblemAsync(
            await supervisor.PostAsJsonAsync($"{location}/status-changes", new { status = "Published" }), HttpStatusCode.Conflict);
        Assert.Contains("WithSupervisor", problem["detail"]!.GetValue<string>());
        var wrongEnum = await Reports.ReadProblemAsync(
            await supervisor.PostAsJsonAsync($"{location}/status-changes", new { status = "Done" }), HttpStatusCode.BadRequest);
        Assert.NotNull(wrongEnum["errors"]!["status"]);
        // The reporter may not move their own report.
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{location}/status-changes", new { status = "Closed" }),
            HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Only_the_named_supervisor_or_the_responsible_person_may_process()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        using var workingGroup = await Host.ClientFor("kainuu-workinggroupmember");
        using var responsible = await Host.ClientFor("kainuu-responsibleperson");
        var (_, _, location) = await Reports.SubmitAsync(professional, "kainuu");

        // The administrator cannot even see report content; the working group sees it but does not process it.
        await Reports.ReadProblemAsync(await admin.PutAsJsonAsync($"{location}/supervisor-record", Record()), HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await workingGroup.PutAsJsonAsync($"{location}/supervisor-record", Record()),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await professional.PostAsJsonAsync($"{location}/feedback", new { comment = "Kiitos" }),
            HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await responsible.PutAsJsonAsync($"{location}/supervisor-record", Record())).StatusCode);
    }

    [Fact]
    public async Task Record_fields_are_validated()
    {
        using var professional = await Host.ClientFor("kainuu-professional");
        using var supervisor = await Host.ClientFor("kainuu-supervisor");
        var (_, _, location) = await Reports.SubmitAsync(professional, "kainuu");
        var problem = await Reports.ReadProblemAsync(
            await supervisor.PutAsJsonAsync($"{location}/supervisor-record", new { coreOfReport = new string('a', 2001), priority = 0 }),
                HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["coreOfReport"]);
        Assert.NotNull(problem["errors"]!["priority"]);
        var report = await supervisor.GetFromJsonAsync<JsonObject>(location);
        Assert.Equal("Received", report!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_service_areas_records_export_to_an_excel_sheet_with_the_ten_fields()
    {
        using var professional = await Host.ClientFor("keski-suomi-professional");
        using var supervisor = await Host.ClientFor("keski-suomi-supervisor");
        var (_, number, location) = await Reports.SubmitAsync(professional, "keski-suomi");
        await supervisor.PutAsJsonAsync($"{location}/supervisor-record", Record("Vientitestin ydin"));

        var response = await supervisor.GetAsync("/api/v1/regions/keski-suomi/supervisor-records.xlsx?serviceArea=adults");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        string Text(Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        // Two title rows, then the header: number, received, service area, status and the ten fields.
        var headers = rows[2].Elements<Cell>().Select(Text).ToList();
        Assert.Equal(14, headers.Count);
        Assert.Equal("1 Ilmoituksen ydin", headers[4]);
        Assert.Equal("10 Tulos", headers[13]);
        var row = rows.Skip(3).Single(r => Text(r.Elements<Cell>().First()) == number.ToString());
        Assert.Equal("Vientitestin ydin", Text(row.Elements<Cell>().ElementAt(4)));
        Assert.Equal("2", Text(row.Elements<Cell>().ElementAt(12)));

        using var plain = await Host.ClientFor("keski-suomi-professional");
        await Reports.ReadProblemAsync(await plain.GetAsync("/api/v1/regions/keski-suomi/supervisor-records.xlsx?serviceArea=adults"),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await supervisor.GetAsync("/api/v1/regions/keski-suomi/supervisor-records.xlsx?serviceArea=nope"),
            HttpStatusCode.BadRequest);
    }
}
