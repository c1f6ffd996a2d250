using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rake.Host.Tests;

/// <summary>
/// The working-group operations that had no endpoint (issue 13): a meeting cancelled or marked held, an action or budget
/// proposal moved along its path, a member changed or removed; each with its role, region, conflicts and audit trail.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class MeetingOperationsApiTests(SharedHost shared)
{
    private const string Region = "kymenlaakso";
    private static readonly string Api = $"/api/v1/regions/{Region}";

    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_meeting_is_cancelled_or_marked_held_once_and_the_change_is_audited()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        var bodyId = Id(await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "WorkingGroup"));
        var future = MeetingId(await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, DateTimeOffset.UtcNow.AddDays(3)));
        var past = MeetingId(await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, DateTimeOffset.UtcNow.AddHours(-2)));

        // Bad input is a field error; Scheduled is no step a meeting can take.
        foreach (var body in new object[] { new { }, new { status = "Scheduled" }, new { status = "Pidetty" }, new { status = "1" } })
        {
            var problem = await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync($"{Api}/meetings/{future}/status", body),
                HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["status"]);
        }
        // Not before it has begun.
        await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync($"{Api}/meetings/{future}/status", new { status = "Held" }),
            HttpStatusCode.Conflict);
        // Someone without the meeting roles, and another region's responsible person, change nothing.
        using var professional = await Host.ClientFor($"{Region}-professional");
        await Reports.ReadProblemAsync(await professional.PutAsJsonAsync($"{Api}/meetings/{future}/status", new { status = "Cancelled" }),
            HttpStatusCode.Forbidden);
        using var kainuu = await Host.ClientFor("kainuu-responsibleperson");
        await Reports.ReadProblemAsync(await kainuu.PutAsJsonAsync($"/api/v1/regions/kainuu/meetings/{future}/status",
            new { status = "Cancelled" }), HttpStatusCode.NotFound);

        var before = await responsible.GetFromJsonAsync<JsonObject>($"{Api}/meetings/{future}");
        var cancelled = await responsible.PutAsJsonAsync($"{Api}/meetings/{future}/status", new { status = "cancelled" });
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        var after = (await cancelled.Content.ReadFromJsonAsync<JsonObject>())!["meeting"]!;
        Assert.Equal("Cancelled", after["status"]!.GetValue<string>());
        Assert.Equal(before!["meeting"]!["sequence"]!.GetValue<int>() + 1, after["sequence"]!.GetValue<int>());
        // Once cancelled, it stays so.
        var again = await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync($"{Api}/meetings/{future}/status",
            new { status = "Cancelled" }), HttpStatusCode.Conflict);
        Assert.Contains("Peruttu", again["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var held = await responsible.PutAsJsonAsync($"{Api}/meetings/{past}/status", new { status = "Held" });
        Assert.Equal("Held", (await held.Content.ReadFromJsonAsync<JsonObject>())!["meeting"]!["status"]!.GetValue<string>());
        await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync($"{Api}/meetings/{past}/status", new { status = "Cancelled" }),
            HttpStatusCode.Conflict);

        using var admin = await Host.ClientFor($"{Region}-regionadmin");
        var trail = await admin.GetFromJsonAsync<JsonArray>($"{Api}/audit?entityId={future}");
        Assert.Contains(trail!, e => e!["changedProperties"]?.GetValue<string>()?.Contains("Status", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task An_action_and_a_budget_proposal_move_only_along_their_paths()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        var bodyId = Id(await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "WorkingGroup"));
        var meetingId = MeetingId(await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, DateTimeOffset.UtcNow.AddDays(-1)));
        var proposal = await responsible.PostAsJsonAsync($"{Api}/meetings/{meetingId}/action-proposals",
            new { title = "Lisää tuettua asumista", targetKind = "Municipality", target = "Kotka" });
        var proposalId = Id((await proposal.Content.ReadFromJsonAsync<JsonObject>())!);
        var path = $"{Api}/action-proposals/{proposalId}/status";

        Assert.NotNull((await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync(path, new { status = "Approved" }),
            HttpStatusCode.BadRequest))["errors"]!["status"]);
        Assert.NotNull((await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync(path, new { }),
            HttpStatusCode.BadRequest))["errors"]!["status"]);
        await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync(path, new { status = "Done" }), HttpStatusCode.Conflict);
        using var professional = await Host.ClientFor($"{Region}-professional");
        await Reports.ReadProblemAsync(await professional.PutAsJsonAsync(path, new { status = "Sent" }), HttpStatusCode.Forbidden);
        using var kainuu = await Host.ClientFor("kainuu-responsibleperson");
        await Reports.ReadProblemAsync(await kainuu.PutAsJsonAsync($"/api/v1/regions/kainuu/action-proposals/{proposalId}/status",
            new { status = "Sent" }), HttpStatusCode.NotFound);

        foreach (var step in new[] { "Sent", "Accepted", "Done" })
        {
            var moved = await responsible.PutAsJsonAsync(path, new { status = step });
            Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
            Assert.Equal(step, (await moved.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        }
        await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync(path, new { status = "Rejected" }), HttpStatusCode.Conflict);
        var meeting = await responsible.GetFromJsonAsync<JsonObject>($"{Api}/meetings/{meetingId}");
        Assert.Equal("Done", meeting!["proposals"]![0]!["status"]!.GetValue<string>());

        var decision = await responsible.PostAsJsonAsync($"{Api}/meetings/{meetingId}/decisions",
            new { phenomenon = "Asunnottomuus", outcome = "FollowUpAction", text = "Esitetään määrärahaa.", responsiblePerson = "X" });
        var budget = await responsible.PostAsJsonAsync($"{Api}/budget-proposals", new
        {
            year = DateTime.UtcNow.Year + 1,
            title = "Tuettu asuminen",
            justification = "Perustelu",
            serviceArea = "Aikuiset",
            amount = 10000,
            decisionId = Id((await decision.Content.ReadFromJsonAsync<JsonObject>())!),
        });
        Assert.True(budget.StatusCode == HttpStatusCode.Created, await budget.Content.ReadAsStringAsync());
        var budgetPath = $"{Api}/budget-proposals/{Id((await budget.Content.ReadFromJsonAsync<JsonObject>())!)}/status";
        await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync(budgetPath, new { status = "Approved" }), HttpStatusCode.Conflict);
        await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync(budgetPath, new { status = "Done" }), HttpStatusCode.BadRequest);
        using var member = await Host.ClientFor($"{Region}-workinggroupmember");
        await Reports.ReadProblemAsync(await member.PutAsJsonAsync(budgetPath, new { status = "Submitted" }), HttpStatusCode.Forbidden);
        foreach (var step in new[] { "Submitted", "Approved" })
        {
            var moved = await responsible.PutAsJsonAsync(budgetPath, new { status = step });
            Assert.Equal(step, (await moved.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_member_is_changed_and_one_never_present_is_removed_but_one_in_the_minutes_is_kept()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        var bodyId = Id(await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "WorkingGroup"));
        var members = $"{Api}/bodies/{bodyId}/members";
        var kept = Id((await (await responsible.PostAsJsonAsync(members,
            new { name = "Aino Läsnä", role = "Member", termStart = "2025-01-01" })).Content.ReadFromJsonAsync<JsonObject>())!);
        var mistaken = Id((await (await responsible.PostAsJsonAsync(members,
            new { name = "Väärin Lisätty", role = "Member", termStart = "2025-01-01" })).Content.ReadFromJsonAsync<JsonObject>())!);
        var meetingId = MeetingId(await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, DateTimeOffset.UtcNow.AddDays(-1)));
        (await responsible.PutAsJsonAsync($"{Api}/meetings/{meetingId}/minutes",
            new { minutes = "Pöytäkirja", presentMemberIds = new[] { kept } })).EnsureSuccessStatusCode();

        // Another region's person is no account a member can be linked to; the term cannot end before it starts.
        var refused = await Reports.ReadProblemAsync(await responsible.PutAsJsonAsync($"{members}/{kept}",
            new { userName = "kainuu-supervisor", role = "Chair", termStart = "2025-01-01", termEnd = "2024-01-01" }),
            HttpStatusCode.BadRequest);
        Assert.Equal(["termEnd", "userName"], refused["errors"]!.AsObject().Select(e => e.Key).Order());
        var changed = await responsible.PutAsJsonAsync($"{members}/{kept}",
            new
            {
                userName = $"{Region}-workinggroupmember",
                title = "Sosiaalityöntekijä",
                role = "Chair",
                termStart = "2025-01-01",
                termEnd = "2026-12-31"
            });
        Assert.True(changed.StatusCode == HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var member = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal($"{Region}-workinggroupmember", member["userName"]!.GetValue<string>());
        Assert.Equal("Chair", member["role"]!.GetValue<string>());

        using var member2 = await Host.ClientFor($"{Region}-workinggroupmember");
        await Reports.ReadProblemAsync(await member2.DeleteAsync($"{members}/{mistaken}"), HttpStatusCode.Forbidden);
        using var kainuu = await Host.ClientFor("kainuu-responsibleperson");
        await Reports.ReadProblemAsync(await kainuu.DeleteAsync($"/api/v1/regions/kainuu/bodies/{bodyId}/members/{mistaken}"),
            HttpStatusCode.NotFound);
        await Reports.ReadProblemAsync(await responsible.DeleteAsync($"{members}/{kept}"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await responsible.DeleteAsync($"{members}/{mistaken}")).StatusCode);
        await Reports.ReadProblemAsync(await responsible.DeleteAsync($"{members}/{mistaken}"), HttpStatusCode.NotFound);

        var body = await responsible.GetFromJsonAsync<JsonObject>($"{Api}/bodies/{bodyId}");
        Assert.Equal([kept], body!["members"]!.AsArray().Select(m => Id(m!.AsObject())));
        var meeting = await responsible.GetFromJsonAsync<JsonObject>($"{Api}/meetings/{meetingId}");
        Assert.Equal([kept], meeting!["attendance"]!.AsArray().Select(a => a!["memberId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task A_nomination_is_renewed_at_its_review_and_is_due_again_a_year_after_the_new_decision()
    {
        using var supervisor = await Host.ClientFor($"{Region}-supervisor");
        var municipality = $"Kunta {Guid.NewGuid():N}"[..14];
        var decided = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-400);
        var created = await supervisor.PostAsJsonAsync($"{Api}/wellbeing-group-nominations", new
        {
            municipality,
            groupName = "HYTETU",
            memberName = "Aino Ensimmäinen",
            deputyName = "Olli Varalla",
            decidedBy = "Palvelualuepäällikkö",
            decidedOn = decided,
        });
        var id = Id((await created.Content.ReadFromJsonAsync<JsonObject>())!);
        Assert.True((await supervisor.GetFromJsonAsync<JsonObject>($"{Api}/wellbeing-group-nominations/{id}"))!["reviewOverdue"]!
            .GetValue<bool>());
        var path = $"{Api}/wellbeing-group-nominations/{id}/renewal";

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var refused = await Reports.ReadProblemAsync(await supervisor.PutAsJsonAsync(path,
            new { memberName = "Aino", deputyName = "aino", decidedOn = today.AddDays(5) }), HttpStatusCode.BadRequest);
        Assert.Equal(["decidedBy", "decidedOn", "deputyName"], refused["errors"]!.AsObject().Select(e => e.Key).Order());
        var earlier = await Reports.ReadProblemAsync(await supervisor.PutAsJsonAsync(path,
            new { memberName = "Aino", decidedBy = "X", decidedOn = decided.AddDays(-1) }), HttpStatusCode.BadRequest);
        Assert.NotNull(earlier["errors"]!["decidedOn"]);
        using var member = await Host.ClientFor($"{Region}-workinggroupmember");
        await Reports.ReadProblemAsync(await member.PutAsJsonAsync(path, new { memberName = "A", decidedBy = "X", decidedOn = today }),
            HttpStatusCode.Forbidden);
        using var kainuu = await Host.ClientFor("kainuu-supervisor");
        await Reports.ReadProblemAsync(await kainuu.PutAsJsonAsync($"/api/v1/regions/kainuu/wellbeing-group-nominations/{id}/renewal",
            new { memberName = "A", decidedBy = "X", decidedOn = today }), HttpStatusCode.NotFound);

        var renewed = await supervisor.PutAsJsonAsync(path,
            new { memberName = "Aino Ensimmäinen", deputyName = "Uusi Varajäsen", decidedBy = "Palvelualuepäällikkö", decidedOn = today });
        Assert.True(renewed.StatusCode == HttpStatusCode.OK, await renewed.Content.ReadAsStringAsync());
        var row = (await renewed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(today.AddYears(1), DateOnly.Parse(row["reviewDue"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        Assert.False(row["reviewOverdue"]!.GetValue<bool>());
        Assert.Equal("Uusi Varajäsen", row["deputyName"]!.GetValue<string>());
        Assert.Equal(municipality, row["municipality"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_meetings_list_pages_sorts_and_filters_within_the_region_only()
    {
        using var responsible = await Host.ClientFor($"{Region}-responsibleperson");
        var token = $"L{Guid.NewGuid():N}"[..10];
        var bodyId = Id(await WorkingGroupApiTests.CreateBodyAsync(responsible, Region, "WorkingGroup"));
        var now = DateTimeOffset.UtcNow;
        var first = MeetingId(await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, now.AddDays(1), $"C {token}"));
        await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, now.AddDays(2), $"A {token}");
        var last = MeetingId(await WorkingGroupApiTests.ScheduleAsync(responsible, Region, bodyId, now.AddDays(3), $"B {token}"));
        (await responsible.PutAsJsonAsync($"{Api}/meetings/{first}/status", new { status = "Cancelled" })).EnsureSuccessStatusCode();

        var page = await responsible.GetFromJsonAsync<JsonObject>($"{Api}/meetings?search={token}&pageSize=2");
        Assert.Equal(3, page!["totalCount"]!.GetValue<int>());
        var items = page["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal(last, Id(items[0]!.AsObject()));
        var byTitle = await responsible.GetFromJsonAsync<JsonObject>(
            $"{Api}/meetings?search={token.ToLowerInvariant()}&sort=Title&descending=false");
        Assert.Equal([$"A {token}", $"B {token}", $"C {token}"],
            byTitle!["items"]!.AsArray().Select(m => m!["title"]!.GetValue<string>()));
        var cancelled = await responsible.GetFromJsonAsync<JsonObject>($"{Api}/meetings?search={token}&status=Cancelled&bodyId={bodyId}");
        Assert.Equal(first, Id(Assert.Single(cancelled!["items"]!.AsArray())!.AsObject()));

        var refused = await Reports.ReadProblemAsync(await responsible.GetAsync($"{Api}/meetings?status=Pidetty&pageSize=1000&sort=x"),
            HttpStatusCode.BadRequest);
        Assert.Equal(["pageSize", "sort", "status"], refused["errors"]!.AsObject().Select(e => e.Key).Order());
        using var kainuu = await Host.ClientFor("kainuu-responsibleperson");
        var elsewhere = await kainuu.GetFromJsonAsync<JsonObject>($"/api/v1/regions/kainuu/meetings?search={token}");
        Assert.Equal(0, elsewhere!["totalCount"]!.GetValue<int>());
        using var professional = await Host.ClientFor($"{Region}-professional");
        await Reports.ReadProblemAsync(await professional.GetAsync($"{Api}/meetings"), HttpStatusCode.Forbidden);
    }

    private static Guid Id(JsonObject json) => json["id"]!.GetValue<Guid>();

    private static Guid MeetingId(JsonObject meeting) => meeting["meeting"]!["id"]!.GetValue<Guid>();
}
