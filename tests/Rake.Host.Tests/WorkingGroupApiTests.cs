using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;

namespace Rake.Host.Tests;

/// <summary>The WorkingGroup API: meeting from agenda to decision to assignment, bad input, roles, cross-region isolation,
/// exports.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkingGroupApiTests(SharedHost shared)
{
    private RakeTestHost Host => shared.Host;

    private static string Api(string region) => $"/api/v1/regions/{region}";

    internal static async Task<JsonObject> CreateBodyAsync(HttpClient client, string region, string kind, string? name = null)
    {
        var response = await client.PostAsJsonAsync($"{Api(region)}/bodies",
            new { kind, name = name ?? $"Ryhmä {Guid.NewGuid():N}"[..20], description = "Testiryhmä" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    internal static async Task<JsonObject> ScheduleAsync(HttpClient client, string region, Guid bodyId, DateTimeOffset startsAt,
        string title = "RAKE-työryhmän kokous")
    {
        var response = await client.PostAsJsonAsync($"{Api(region)}/bodies/{bodyId}/meetings",
            new
            {
                title,
                startsAt,
                durationMinutes = 90,
                location = "Teams",
                onlineUrl = "https://teams.microsoft.com/l/meetup-join/test"
            });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static Guid Id(JsonObject o, string path = "id") => o[path]!.GetValue<Guid>();

    [Fact]
    public async Task A_meeting_lists_the_reports_since_the_previous_meeting_records_a_decision_the_reporter_sees_and_an_assignment()
    {
        const string region = "kymenlaakso";
        using var responsible = await Host.ClientFor($"{region}-responsibleperson");
        using var steering = await Host.ClientFor($"{region}-steeringgroupmember");
        using var professional = await Host.ClientFor($"{region}-professional");
        var body = await CreateBodyAsync(responsible, region, "SteeringGroup");
        var bodyId = Id(body);
        var member = await responsible.PostAsJsonAsync($"{Api(region)}/bodies/{bodyId}/members",
            new
            {
                userName = $"{region}-steeringgroupmember",
                title = "Tulosaluejohtaja",
                role = "Chair",
                termStart = "2025-01-01",
                termEnd = "2027-12-31"
            });
        Assert.Equal(HttpStatusCode.Created, member.StatusCode);

        // A report before the previous meeting belongs to that meeting; one submitted after it to the next meeting.
        var (_, earlier, _) = await Reports.SubmitAsync(professional, region, Reports.Valid(region, "Aiemmin käsitelty ilmiö"));
        await Task.Delay(50);
        await ScheduleAsync(steering, region, bodyId, DateTimeOffset.UtcNow, "Edellinen kokous");
        await Task.Delay(50);
        var (reportId, number, _) = await Reports.SubmitAsync(professional, region,
            Reports.Valid(region, "Nuorten asunnottomuus kasvaa Kotkassa"));
        var meeting = await ScheduleAsync(steering, region, bodyId, DateTimeOffset.UtcNow.AddHours(2));
        var meetingId = Id(meeting["meeting"]!.AsObject());

        Assert.Equal(["Reports", "CurrentMatters"], meeting["agenda"]!.AsArray().Select(a => (string)a!["kind"]!));
        var agendaReports = meeting["reports"]!.AsArray().Select(r => r!["number"]!.GetValue<int>()).ToList();
        // Other tests may submit reports meanwhile; the window itself is what is checked.
        Assert.Contains(number, agendaReports);
        Assert.DoesNotContain(earlier, agendaReports);
        Assert.NotNull(meeting["reportsSince"]);

        var item = await steering.PostAsJsonAsync($"{Api(region)}/meetings/{meetingId}/agenda-items",
            new { kind = "Compilation", title = "Puolivuotiskooste" });
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);

        var decision = await steering.PostAsJsonAsync($"{Api(region)}/meetings/{meetingId}/decisions", new
        {
            phenomenon = "Nuorten asunnottomuus",
            outcome = "FollowUpAction",
            text = "Selvitetään tuetun asumisen lisäpaikat kevään aikana.",
            responsiblePerson = "Tulosaluejohtaja Virtanen",
            reportNumbers = new[] { number },
        });
        Assert.True(decision.StatusCode == HttpStatusCode.Created, await decision.Content.ReadAsStringAsync());
        var decisionId = Id((await decision.Content.ReadFromJsonAsync<JsonObject>())!);

        var assignment = await steering.PostAsJsonAsync($"{Api(region)}/meetings/{meetingId}/assignments",
            new
            {
                title = "Selvitä tuetun asumisen paikat",
                assignee = $"{region}-workinggroupmember",
                dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)),
                decisionId
            });
        Assert.True(assignment.StatusCode == HttpStatusCode.Created, await assignment.Content.ReadAsStringAsync());
        var proposal = await steering.PostAsJsonAsync($"{Api(region)}/meetings/{meetingId}/action-proposals",
            new { title = "Lisää tuettuja asuntoja", targetKind = "Municipality", target = "Kotka", decisionId });
        Assert.Equal(HttpStatusCode.Created, proposal.StatusCode);

        await Host.DeliverEventsAsync();
        await Host.DeliverEventsAsync();

        // The reporter sees the decision and what it set going in the report's timeline; nobody has processed the report yet,
        // so it keeps its status and the decision says it came before the supervisor's record.
        var report = await professional.GetFromJsonAsync<JsonObject>($"{Api(region)}/social-reports/{reportId}");
        Assert.Equal("Received", (string)report!["status"]!);
        var step = report["timeline"]!.AsArray().Last(s => (string?)s!["kind"] == "Decision")!;
        Assert.True(step["beforeSupervisorRecord"]!.GetValue<bool>());
        Assert.Contains("Selvitetään tuetun asumisen lisäpaikat", (string)step["comment"]!);
        Assert.Contains("Tulosaluejohtaja Virtanen", (string)step["comment"]!);
        Assert.Equal(["Assignment", "ActionProposal"], report["timeline"]!.AsArray()
            .Where(s => (string?)s!["kind"] == "FollowUp").Select(s => (string)s!["code"]!));
        var notes = await professional.GetFromJsonAsync<JsonArray>($"{Api(region)}/notifications");
        Assert.Contains(notes!, n => n!["reportId"]!.GetValue<Guid>() == reportId && (string?)n["kind"] == "feedback");

        // The assignee finds it among their assignments, overdue.
        using var assignee = await Host.ClientFor($"{region}-workinggroupmember");
        var mine = await assignee.GetFromJsonAsync<JsonArray>($"{Api(region)}/assignments/mine");
        var own = Assert.Single(mine!, a => (string)a!["title"]! == "Selvitä tuetun asumisen paikat")!;
        Assert.True(own["overdue"]!.GetValue<bool>());
        var done = await assignee.PutAsJsonAsync($"{Api(region)}/assignments/{own["id"]}",
            new { status = "Done", followUp = "Selvitetty: 6 paikkaa." });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        mine = await assignee.GetFromJsonAsync<JsonArray>($"{Api(region)}/assignments/mine");
        Assert.DoesNotContain(mine!, a => a!["id"]!.GetValue<Guid>() == own["id"]!.GetValue<Guid>());

        // Minutes with attendance.
        var memberId = (await steering.GetFromJsonAsync<JsonObject>($"{Api(region)}/bodies/{bodyId}"))!["members"]![0]!["id"]!
            .GetValue<Guid>();
        var minutes = await steering.PutAsJsonAsync($"{Api(region)}/meetings/{meetingId}/minutes",
            new { minutes = "Kokous avattiin klo 9.", presentMemberIds = new[] { memberId } });
        Assert.Equal(HttpStatusCode.OK, minutes.StatusCode);
        var saved = (await minutes.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(saved["attendance"]![0]!["present"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_agenda_and_minutes_export_is_a_valid_word_document()
    {
        const string region = "kainuu";
        using var responsible = await Host.ClientFor($"{region}-responsibleperson");
        using var professional = await Host.ClientFor($"{region}-professional");
        var body = await CreateBodyAsync(responsible, region, "WorkingGroup");
        var (_, number, _) = await Reports.SubmitAsync(professional, region,
            Reports.Valid(region, "Ikääntyneiden yksinäisyys haja-asutusalueilla"));
        var meeting = await ScheduleAsync(responsible, region, Id(body), DateTimeOffset.UtcNow.AddHours(1));
        var meetingId = Id(meeting["meeting"]!.AsObject());
        await responsible.PostAsJsonAsync($"{Api(region)}/meetings/{meetingId}/decisions",
            new
            {
                phenomenon = "Yksinäisyys",
                outcome = "ContinueHandling",
                text = "Käsittely jatkuu palvelualueella.",
                responsiblePerson = "Palvelualuepäällikkö",
                reportNumbers = new[] { number }
            });

        var response = await responsible.GetAsync($"{Api(region)}/meetings/{meetingId}/document.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Esityslista", text);
        Assert.Contains($"{number}: Ikääntyneiden yksinäisyys haja-asutusalueilla", text);
        Assert.Contains("Käsittely jatkuu palvelualueella.", text);
        Assert.Contains(doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<DocumentFormat.OpenXml.Wordprocessing.Style>(),
            s => s.StyleId == "Heading1");
        Assert.EndsWith(": RAKE-työryhmän kokous", doc.PackageProperties.Title);
        var styles = doc.MainDocumentPart.Document.Body!
            .Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId>()
            .Select(s => s.Val!.Value!)
            .ToList();
        Assert.Equal(["Title", "Heading1"], styles.Take(2).ToArray());
        // The decision is a third-level heading under the minutes, with its text below it.
        Assert.Contains("Heading3", styles);
    }

    [Fact]
    public async Task The_calendar_feed_follows_rfc_5545_with_helsinki_times_stable_uids_and_cancelled_meetings()
    {
        const string region = "keski-suomi";
        using var responsible = await Host.ClientFor($"{region}-responsibleperson");
        var body = await CreateBodyAsync(responsible, region, "Network", $"Verkosto, osa; {Guid.NewGuid():N}"[..30]);
        var bodyName = (string)body["name"]!;
        var longTitle = "Verkoston kokous: vuoden tavoitteet, toimenpiteet ja vastuutahot; "
            + "osallisuus- ja oikeudenmukaisuustyö äöå 😀";
        var meeting = await ScheduleAsync(responsible, region, Id(body), new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(2)),
            longTitle);
        var meetingId = Id(meeting["meeting"]!.AsObject());
        var moved = await responsible.PutAsJsonAsync($"{Api(region)}/meetings/{meetingId}",
            new
            {
                title = longTitle,
                startsAt = new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(2)),
                durationMinutes = 120,
                location = "Teams"
            });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        // After the spring change Helsinki is UTC+3: 14:00Z is 17:00 there.
        var june2 = new DateTimeOffset(2026, 6, 2, 14, 0, 0, TimeSpan.Zero);
        var summer = await ScheduleAsync(responsible, region, Id(body), june2, "Kesäkokous");
        var summerId = Id(summer["meeting"]!.AsObject());
        var september1 = new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero);
        var cancelled = await ScheduleAsync(responsible, region, Id(body), september1, "Peruttu kokous");
        var cancelledId = Id(cancelled["meeting"]!.AsObject());
        await using (var scope = Host.RegionScope(region))
        {
            // No endpoint cancels a meeting yet; the model's status is what the feed reads.
            var db = scope.ServiceProvider.GetRequiredService<Rake.Modules.WorkingGroup.Persistence.WorkingGroupDbContext>();
            var row = await db.Meetings.SingleAsync(m => m.Id == cancelledId);
            row.Status = Rake.Modules.WorkingGroup.Domain.MeetingStatus.Cancelled;
            await db.SaveChangesAsync();
        }

        var response = await responsible.GetAsync($"{Api(region)}/bodies/{Id(body)}/meetings.ics");

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        var lines = text.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"longer than 75 octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));

        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal("2.0", calendar.Version);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(bodyName, calendar.Properties["X-WR-CALNAME"]?.Value?.ToString());
        var zone = Assert.Single(calendar.TimeZones);
        Assert.Equal("Europe/Helsinki", zone.TzId);
        Assert.Equal(3, calendar.Events.Count);

        var first = calendar.Events.Single(e => e.Uid == $"{meetingId}@{region}.rake");
        Assert.Equal("Europe/Helsinki", first.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 3, 11, 9, 0, 0), first.DtStart.Value);
        Assert.Equal(new DateTime(2026, 3, 11, 11, 0, 0), first.DtEnd!.Value);
        Assert.Equal(new DateTime(2026, 3, 11, 7, 0, 0, DateTimeKind.Utc), first.DtStart.AsUtc);
        Assert.Equal(1, first.Sequence);
        Assert.Equal($"{bodyName}: {longTitle}", first.Summary);
        Assert.Equal("Teams", first.Location);
        Assert.Equal("CONFIRMED", first.Status);
        Assert.True(first.DtStamp!.IsUtc);

        var june = calendar.Events.Single(e => e.Uid == $"{summerId}@{region}.rake");
        Assert.Equal(new DateTime(2026, 6, 2, 17, 0, 0), june.DtStart!.Value);
        Assert.Equal(new DateTime(2026, 6, 2, 14, 0, 0, DateTimeKind.Utc), june.DtStart.AsUtc);
        Assert.Equal(new Uri("https://teams.microsoft.com/l/meetup-join/test"), june.Url);
        Assert.Equal(0, june.Sequence);

        var gone = calendar.Events.Single(e => e.Uid == $"{cancelledId}@{region}.rake");
        Assert.Equal("CANCELLED", gone.Status);
        Assert.False(gone.IsActive);

        // The UID is the meeting's, not the feed's: a second read names the same events.
        var again = Ical.Net.Calendar.Load(await responsible.GetStringAsync($"{Api(region)}/bodies/{Id(body)}/meetings.ics"))!;
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), again.Events.Select(e => e.Uid).Order());
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field()
    {
        const string region = "kainuu";
        using var responsible = await Host.ClientFor($"{region}-responsibleperson");
        var body = await responsible.PostAsJsonAsync($"{Api(region)}/bodies", new { kind = "Committee", name = " " });
        var problem = await Reports.ReadProblemAsync(body, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["kind"]);
        Assert.NotNull(problem["errors"]!["name"]);

        var created = await CreateBodyAsync(responsible, region, "WorkingGroup");
        var bodyId = Id(created);
        var duplicate = await responsible.PostAsJsonAsync($"{Api(region)}/bodies",
            new { kind = "Network", name = (string)created["name"]! });
        Assert.NotNull((await Reports.ReadProblemAsync(duplicate, HttpStatusCode.BadRequest))["errors"]!["name"]);

        var member = await responsible.PostAsJsonAsync($"{Api(region)}/bodies/{bodyId}/members",
            new { userName = "kymenlaakso-professional", role = "King", termStart = "2026-05-01", termEnd = "2026-01-01" });
        var memberErrors = (await Reports.ReadProblemAsync(member, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["role", "termEnd", "userName"], memberErrors.Select(e => e.Key).Order());

        var meeting = await responsible.PostAsJsonAsync($"{Api(region)}/bodies/{bodyId}/meetings",
            new { title = "", onlineUrl = "http://teams.example/x", durationMinutes = 5 });
        var meetingErrors = (await Reports.ReadProblemAsync(meeting, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["durationMinutes", "onlineUrl", "startsAt", "title"], meetingErrors.Select(e => e.Key).Order());

        var scheduled = await ScheduleAsync(responsible, region, bodyId, DateTimeOffset.UtcNow.AddDays(3));
        var meetingId = Id(scheduled["meeting"]!.AsObject());
        var decision = await responsible.PostAsJsonAsync($"{Api(region)}/meetings/{meetingId}/decisions",
            new { phenomenon = "x", outcome = "FollowUpAction", text = "y", reportNumbers = new[] { 987654 } });
        var decisionErrors = (await Reports.ReadProblemAsync(decision, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Contains("987654", decisionErrors["reportNumbers"]![0]!.GetValue<string>());
        Assert.NotNull(decisionErrors["responsiblePerson"]);

        // Someone of another region is no assignee here.
        var assignment = await responsible.PostAsJsonAsync($"{Api(region)}/meetings/{meetingId}/assignments",
            new { title = "Tee", assignee = "kymenlaakso-professional" });
        var assignmentErrors = (await Reports.ReadProblemAsync(assignment, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["assignee", "dueDate"], assignmentErrors.Select(e => e.Key).Order());

        var malformed = await responsible.PostAsync($"{Api(region)}/meetings/{meetingId}/assignments",
            new StringContent("{\"dueDate\":\"tomorrow\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        using var supervisor = await Host.ClientFor($"{region}-supervisor");
        var nomination = await supervisor.PostAsJsonAsync($"{Api(region)}/wellbeing-group-nominations",
            new
            {
                municipality = "Kajaani",
                groupName = "HYTETU",
                memberName = "Maija Meikäläinen",
                deputyName = "maija meikäläinen",
                decidedBy = "Palvelualuepäällikkö",
                decidedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30))
            });
        var nominationErrors = (await Reports.ReadProblemAsync(nomination, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["decidedOn", "deputyName"], nominationErrors.Select(e => e.Key).Order());

        var budget = await supervisor.PostAsJsonAsync($"{Api(region)}/budget-proposals",
            new
            {
                year = 1999,
                title = "Tuettu asuminen",
                justification = "x",
                serviceArea = "Aikuiset",
                amount = -5,
                decisionId = Guid.NewGuid()
            });
        var budgetErrors = (await Reports.ReadProblemAsync(budget, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["amount", "decisionId", "year"], budgetErrors.Select(e => e.Key).Order());
    }

    [Fact]
    public async Task Roles_decide_who_reads_manages_and_decides()
    {
        const string region = "kymenlaakso";
        using var responsible = await Host.ClientFor($"{region}-responsibleperson");
        var steeringBody = await CreateBodyAsync(responsible, region, "SteeringGroup");
        var meeting = await ScheduleAsync(responsible, region, Id(steeringBody), DateTimeOffset.UtcNow.AddDays(1));
        var meetingId = Id(meeting["meeting"]!.AsObject());

        foreach (var role in new[] { RegionRole.Professional, RegionRole.Communications })
        {
            using var client = await Host.ClientFor($"{region}-{role.ToString().ToLowerInvariant()}");
            await Reports.ReadProblemAsync(await client.GetAsync($"{Api(region)}/bodies"), HttpStatusCode.Forbidden);
            await Reports.ReadProblemAsync(await client.GetAsync($"{Api(region)}/meetings/{meetingId}"), HttpStatusCode.Forbidden);
            await Reports.ReadProblemAsync(await client.GetAsync($"{Api(region)}/meetings/{meetingId}/document.docx"),
                HttpStatusCode.Forbidden);
            // Everyone has their own assignments list.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Api(region)}/assignments/mine")).StatusCode);
        }
        using var supervisor = await Host.ClientFor($"{region}-supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"{Api(region)}/meetings/{meetingId}")).StatusCode);
        await Reports.ReadProblemAsync(await supervisor.PostAsJsonAsync($"{Api(region)}/meetings/{meetingId}/agenda-items",
            new { title = "x" }), HttpStatusCode.Forbidden);

        using var member = await Host.ClientFor($"{region}-workinggroupmember");
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{Api(region)}/bodies",
            new { kind = "Network", name = "Oma verkosto" }), HttpStatusCode.Forbidden);
        // A steering group's decision is not the working group's to record.
        var refused = await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{Api(region)}/meetings/{meetingId}/decisions",
            new { phenomenon = "x", outcome = "Noted", text = "y" }), HttpStatusCode.Forbidden);
        Assert.Contains("johtoryhmän", (string)refused["detail"]!, StringComparison.OrdinalIgnoreCase);
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{Api(region)}/budget-proposals", new { year = 2027 }),
            HttpStatusCode.Forbidden);
        await Reports.ReadProblemAsync(await member.PostAsJsonAsync($"{Api(region)}/wellbeing-group-nominations",
            new { municipality = "Kotka" }), HttpStatusCode.Forbidden);

        using var steering = await Host.ClientFor($"{region}-steeringgroupmember");
        var accepted = await steering.PostAsJsonAsync($"{Api(region)}/meetings/{meetingId}/decisions",
            new { phenomenon = "x", outcome = "Noted", text = "y" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Another_regions_people_neither_see_nor_change_a_regions_bodies_meetings_or_assignments()
    {
        using var owner = await Host.ClientFor("kymenlaakso-responsibleperson");
        var body = await CreateBodyAsync(owner, "kymenlaakso", "WorkingGroup");
        var meeting = await ScheduleAsync(owner, "kymenlaakso", Id(body), DateTimeOffset.UtcNow.AddDays(2));
        var meetingId = Id(meeting["meeting"]!.AsObject());
        var assignment = await owner.PostAsJsonAsync($"{Api("kymenlaakso")}/meetings/{meetingId}/assignments",
            new { title = "Tee", assignee = "kymenlaakso-workinggroupmember", dueDate = "2030-01-01" });
        var assignmentId = Id((await assignment.Content.ReadFromJsonAsync<JsonObject>())!);

        foreach (var role in Enum.GetValues<RegionRole>())
        {
            using var outsider = await Host.ClientFor($"kainuu-{role.ToString().ToLowerInvariant()}");
            // Through the owner's routes: no role there.
            await Reports.ReadProblemAsync(await outsider.GetAsync($"{Api("kymenlaakso")}/bodies/{Id(body)}"), HttpStatusCode.Forbidden);
            await Reports.ReadProblemAsync(await outsider.GetAsync($"{Api("kymenlaakso")}/bodies/{Id(body)}/meetings.ics"),
                HttpStatusCode.Forbidden);
            await Reports.ReadProblemAsync(await outsider.PostAsJsonAsync($"{Api("kymenlaakso")}/meetings/{meetingId}/agenda-items",
                new { title = "x" }), HttpStatusCode.Forbidden);
            // Through their own region's routes: the data is not there.
            if (role is RegionRole.Professional or RegionRole.Communications)
            {
                await Reports.ReadProblemAsync(await outsider.GetAsync($"{Api("kainuu")}/meetings/{meetingId}"), HttpStatusCode.Forbidden);
            }
            else
            {
                await Reports.ReadProblemAsync(await outsider.GetAsync($"{Api("kainuu")}/meetings/{meetingId}"), HttpStatusCode.NotFound);
                await Reports.ReadProblemAsync(await outsider.GetAsync($"{Api("kainuu")}/bodies/{Id(body)}"), HttpStatusCode.NotFound);
                var bodies = await outsider.GetFromJsonAsync<JsonArray>($"{Api("kainuu")}/bodies");
                Assert.DoesNotContain(bodies!, b => b!["id"]!.GetValue<Guid>() == Id(body));
            }
            await Reports.ReadProblemAsync(await outsider.PutAsJsonAsync($"{Api("kainuu")}/assignments/{assignmentId}",
                new { status = "Done" }), HttpStatusCode.NotFound);
        }
        using var kainuuMember = await Host.ClientFor("kainuu-workinggroupmember");
        var theirs = await kainuuMember.GetFromJsonAsync<JsonArray>($"{Api("kainuu")}/assignments/mine");
        Assert.DoesNotContain(theirs!, a => a!["id"]!.GetValue<Guid>() == assignmentId);
    }

    [Fact]
    public void Icalendar_text_with_special_characters_and_long_lines_reads_back_unchanged()
    {
        var summary = @"a\b;c,d" + "\r\ne: " + string.Concat(Enumerable.Repeat("äö€😀", 30));
        var at = new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.Zero);
        var written = Rake.Modules.WorkingGroup.Features.ICalendar.Write("Ryhmä; nimi, pilkku", at,
            [new("u-1@kainuu.rake", at, at.AddHours(1), summary, "Kotka, satama", null, null, 2, false, at)]);

        Assert.All(written.Split("\r\n"), l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains(@"\;", written);
        var read = Assert.Single(Ical.Net.Calendar.Load(written)!.Events);
        Assert.Equal(summary.Replace("\r\n", "\n"), read.Summary);
        Assert.Equal("Kotka, satama", read.Location);
        // 02:30Z on the autumn change day is 04:30 in Helsinki, already winter time (UTC+2).
        Assert.Equal(new DateTime(2026, 10, 25, 4, 30, 0), read.DtStart!.Value);
        Assert.Equal(at.UtcDateTime, read.DtStart.AsUtc);
    }
}
