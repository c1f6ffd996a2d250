using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.Host.Platform;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Features.HandOver;
using Rake.Modules.Communications.Persistence;
using Rake.Modules.Planning.Domain;
using Rake.Modules.Planning.Features.HandOver;
using Rake.Modules.Planning.Persistence;
using Rake.Modules.Reporting.Features.HandOver;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Host.Tests;

/// <summary>
/// A leaver's open items beyond WorkingGroup (docs/adr/0114): each module's <see cref="IOpenItemsSource"/> on its own, in one
/// region only, and all of them through the people API's hand-over.
/// </summary>
public sealed class HandOverSourcesTests(PeopleHost fixture) : IClassFixture<PeopleHost>
{
    private RakeTestHost Host => fixture.Host;

    private static string People(string region) => $"/api/v1/regions/{region}/people";

    [Fact]
    public async Task Reporting_lists_unprocessed_reports_sent_to_the_supervisor_and_their_listing_and_hands_them_over()
    {
        var (leaverId, leaverName) = await Host.CreateAccountAsync("sup-from");
        var (takerId, takerName) = await Host.CreateAccountAsync("sup-to");
        var (open, processed) = await ReportsToSupervisorAsync(leaverId, leaverName);

        await using (var scope = Host.RegionScope("kainuu"))
        {
            var source = Source<SupervisorHandOver>(scope);
            var items = await source.OpenItemsAsync(leaverId, CancellationToken.None);
            Assert.Equal([(SupervisorHandOver.ReportKind, open.Id.ToString(), $"#{open.Number}"),
                    (SupervisorHandOver.ListingKind, items[1].Id, "adults")],
                items.Select(i => (i.Kind, i.Id, i.Title)).ToList());
            Assert.All(items, i => Assert.Equal("Reporting", i.Module));
            var handed = await source.HandOverAsync(
                leaverId, new HandOverTarget(takerId, takerName, "Ottaja"), null, CancellationToken.None);
            Assert.Equal(2, handed.Count);
            Assert.Empty(await source.OpenItemsAsync(leaverId, CancellationToken.None));
            Assert.Equal(2, (await source.OpenItemsAsync(takerId, CancellationToken.None)).Count);
        }
        await using (var scope = Host.RegionScope("kainuu"))
        {
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            var moved = await db.Reports.SingleAsync(r => r.Id == open.Id);
            Assert.Equal((takerId, takerName, "Ottaja"), (moved.SupervisorId, moved.SupervisorUserName, moved.SupervisorName));
            Assert.Equal(leaverId, (await db.Reports.SingleAsync(r => r.Id == processed)).SupervisorId);
            Assert.True(await db.Notifications.AnyAsync(n => n.UserId == takerId && n.ReportId == open.Id && n.Kind == "received"));
            var listing = await db.Supervisors.SingleAsync(s => s.UserId == takerId);
            Assert.Equal(("adults", true), (listing.ServiceArea, listing.Active));
            Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == open.Id.ToString()).Select(a => a.ChangedProperties)
                .ToListAsync(), c => c.Contains("SupervisorId"));
        }
        await using (var scope = Host.RegionScope("kymenlaakso"))
        {
            // Another region sees none of it.
            Assert.Empty(await Source<SupervisorHandOver>(scope).OpenItemsAsync(takerId, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Planning_lists_unfinished_actions_naming_the_person_as_responsible_and_hands_them_over()
    {
        var (leaverId, leaverName) = await Host.CreateAccountAsync("plan-from");
        var (takerId, takerName) = await Host.CreateAccountAsync("plan-to");
        var mine = await AddActionAsync("kainuu", $"  testi {leaverName.ToUpperInvariant()} ", ActionStatus.InProgress, 2027);
        var done = await AddActionAsync("kainuu", $"Testi {leaverName}", ActionStatus.Done, null);
        var body = await AddActionAsync("kainuu", "RAKE-työryhmä", ActionStatus.NotDone, null);
        var elsewhere = await AddActionAsync("keski-suomi", $"Testi {leaverName}", ActionStatus.NotDone, null);

        await using (var scope = Host.RegionScope("kainuu"))
        {
            var source = Source<ActionHandOver>(scope);
            var item = Assert.Single(await source.OpenItemsAsync(leaverId, CancellationToken.None));
            Assert.Equal(("Planning", ActionHandOver.Kind, mine.ToString(), (DateOnly?)new DateOnly(2027, 12, 31)),
                (item.Module, item.Kind, item.Id, item.DueDate));
            var handed = await source.HandOverAsync(leaverId, new HandOverTarget(takerId, takerName, $"Testi {takerName}"), null,
                CancellationToken.None);
            Assert.Equal(mine.ToString(), Assert.Single(handed).Id);
            Assert.Empty(await source.OpenItemsAsync(leaverId, CancellationToken.None));
            var db = scope.ServiceProvider.GetRequiredService<PlanningDbContext>();
            Assert.Equal($"Testi {takerName}", (await db.Actions.AsNoTracking().SingleAsync(a => a.Id == mine)).Responsible);
            Assert.Equal($"Testi {leaverName}", (await db.Actions.AsNoTracking().SingleAsync(a => a.Id == done)).Responsible);
            Assert.Equal("RAKE-työryhmä", (await db.Actions.AsNoTracking().SingleAsync(a => a.Id == body)).Responsible);
            Assert.Contains(await db.AuditEntries.Where(a => a.EntityId == mine.ToString()).Select(a => a.ChangedProperties)
                .ToListAsync(), c => c.Contains("Responsible"));
        }
        await using (var scope = Host.RegionScope("keski-suomi"))
        {
            var item = Assert.Single(await Source<ActionHandOver>(scope).OpenItemsAsync(leaverId, CancellationToken.None));
            Assert.Equal(elsewhere.ToString(), item.Id);
        }
    }

    [Fact]
    public async Task Communications_lists_planned_communications_naming_the_person_and_hands_them_over()
    {
        var (leaverId, leaverName) = await Host.CreateAccountAsync("comm-from");
        var (takerId, takerName) = await Host.CreateAccountAsync("comm-to");
        var mine = await AddPlannedAsync(leaverName, PlannedStatus.Planned);
        var done = await AddPlannedAsync(leaverName, PlannedStatus.Done);
        var someoneElse = await AddPlannedAsync("Viestintä", PlannedStatus.Planned);

        await using var scope = Host.RegionScope("kainuu");
        var source = Source<PlannedCommunicationHandOver>(scope);
        var item = Assert.Single(await source.OpenItemsAsync(leaverId, CancellationToken.None));
        Assert.Equal(("Communications", PlannedCommunicationHandOver.Kind, mine.ToString()), (item.Module, item.Kind, item.Id));
        Assert.Single(await source.HandOverAsync(leaverId, new HandOverTarget(takerId, takerName, $"Testi {takerName}"), null,
            CancellationToken.None));
        var db = scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>();
        Assert.Equal($"Testi {takerName}", (await db.Planned.AsNoTracking().SingleAsync(p => p.Id == mine)).Responsible);
        Assert.Equal(leaverName, (await db.Planned.AsNoTracking().SingleAsync(p => p.Id == done)).Responsible);
        Assert.Equal("Viestintä", (await db.Planned.AsNoTracking().SingleAsync(p => p.Id == someoneElse)).Responsible);
    }

    [Fact]
    public async Task The_people_api_lists_a_leavers_items_of_every_module_and_hands_them_all_over_with_one_audit_row()
    {
        var (leaverId, leaverName) = await Host.CreateAccountAsync("all-from");
        var (takerId, takerName) = await Host.CreateAccountAsync("all-to");
        var (open, _) = await ReportsToSupervisorAsync(leaverId, leaverName);
        var action = await AddActionAsync("kainuu", $"Testi {leaverName}", ActionStatus.NotDone, null);
        var planned = await AddPlannedAsync(leaverName, PlannedStatus.Planned);
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        (await admin.PostAsJsonAsync($"{People("kainuu")}/{takerId}/roles", new { role = "Supervisor" })).EnsureSuccessStatusCode();

        var person = await admin.GetFromJsonAsync<JsonObject>($"{People("kainuu")}/{leaverId}");
        var kinds = person!["openItems"]!.AsArray().Select(i => $"{i!["module"]}.{i["kind"]}:{i["id"]}").Order().ToList();
        Assert.Contains($"Reporting.SupervisedReport:{open.Id}", kinds);
        Assert.Contains($"Planning.PlanAction:{action}", kinds);
        Assert.Contains($"Communications.PlannedCommunication:{planned}", kinds);
        Assert.Single(kinds, k => k.StartsWith("Reporting.SupervisorListing:", StringComparison.Ordinal));

        (await admin.PostAsync($"{People("kainuu")}/{leaverId}/deactivation", null)).EnsureSuccessStatusCode();
        var response = await admin.PostAsJsonAsync($"{People("kainuu")}/{leaverId}/hand-over", new { toUserId = takerId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4, (await response.Content.ReadFromJsonAsync<JsonObject>())!["handedOver"]!.AsArray().Count);
        Assert.Empty((await admin.GetFromJsonAsync<JsonObject>($"{People("kainuu")}/{leaverId}"))!["openItems"]!.AsArray());
        Assert.Equal(4, (await admin.GetFromJsonAsync<JsonObject>($"{People("kainuu")}/{takerId}"))!["openItems"]!.AsArray().Count);

        var trail = await admin.GetFromJsonAsync<JsonArray>($"/api/v1/regions/kainuu/audit?entityId={leaverId}");
        var detail = Assert.Single(trail!, e => e!["action"]!.GetValue<string>() == "HandedOver")!["changedProperties"]!
            .GetValue<string>();
        Assert.Equal($"{takerName}:Reporting.SupervisedReport×1,Reporting.SupervisorListing×1,Planning.PlanAction×1,"
            + "Communications.PlannedCommunication×1", SortedDetail(detail, takerName));
        // The taker, a supervisor who reads only reports sent to them, now processes the one the leaver was sent.
        using var taker = await Host.ClientFor(takerName);
        var record = await taker.PutAsJsonAsync($"/api/v1/regions/kainuu/social-reports/{open.Id}/supervisor-record",
            new { coreOfReport = "Jatketaan" });
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
    }

    /// <summary>The hand-over's audit detail with its module groups in a fixed order (modules are called in registration order).</summary>
    private static string SortedDetail(string detail, string takerName)
    {
        var order = new[] { "Reporting.SupervisedReport", "Reporting.SupervisorListing", "Planning.PlanAction",
            "Communications.PlannedCommunication" };
        var parts = detail[(takerName.Length + 1)..].Split(',')
            .Where(p => !p.StartsWith("WorkingGroup.", StringComparison.Ordinal))
            .OrderBy(p => Array.FindIndex(order, o => p.StartsWith(o + "×", StringComparison.Ordinal)));
        return $"{takerName}:{string.Join(",", parts)}";
    }

    private static T Source<T>(AsyncServiceScope scope) where T : IOpenItemsSource =>
        scope.ServiceProvider.GetServices<IOpenItemsSource>().OfType<T>().Single();

    /// <summary>
    /// Makes the person a listed supervisor in Kainuu, and has a professional send them two reports: one the supervisor has
    /// started on (still theirs to finish) and one they have passed to the working group (done with).
    /// </summary>
    private async Task<((Guid Id, int Number) Open, Guid Processed)> ReportsToSupervisorAsync(Guid userId, string userName)
    {
        using var admin = await Host.ClientFor("kainuu-regionadmin");
        (await admin.PostAsJsonAsync($"{People("kainuu")}/{userId}/roles", new { role = "Supervisor" })).EnsureSuccessStatusCode();
        var listed = await admin.PostAsJsonAsync("/api/v1/regions/kainuu/supervisors", new { userName, serviceArea = "adults" });
        Assert.Equal(HttpStatusCode.Created, listed.StatusCode);
        using var professional = await Host.ClientFor("kainuu-professional");
        var body = Reports.Valid("kainuu");
        body["supervisor"] = userName;
        var open = await Reports.SubmitAsync(professional, "kainuu", body);
        var processed = await Reports.SubmitAsync(professional, "kainuu", body);
        using var supervisor = await Host.ClientFor(userName);
        var record = await supervisor.PutAsJsonAsync($"/api/v1/regions/kainuu/social-reports/{open.Id}/supervisor-record",
            new { coreOfReport = "Asunnottomuus" });
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PutAsJsonAsync(
            $"/api/v1/regions/kainuu/social-reports/{processed.Id}/supervisor-record", new { coreOfReport = "Työryhmälle" })).StatusCode);
        var moved = await supervisor.PostAsJsonAsync($"/api/v1/regions/kainuu/social-reports/{processed.Id}/status-changes",
            new { status = "ToWorkingGroup" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        return ((open.Id, open.Number), processed.Id);
    }

    private async Task<Guid> AddActionAsync(string region, string responsible, ActionStatus status, int? year)
    {
        await using var scope = Host.RegionScope(region);
        var db = scope.ServiceProvider.GetRequiredService<PlanningDbContext>();
        var plan = await db.Plans.FirstOrDefaultAsync();
        if (plan is null)
        {
            db.Plans.Add(plan = new Plan
            {
                Id = Guid.CreateVersion7(),
                Title = "Toteutussuunnitelma",
                ValidFrom = new DateOnly(2026, 1, 1),
                ValidUntil = new DateOnly(2028, 12, 31),
                UpdateResponsible = "RAKE",
                UpdatedAt = DateTimeOffset.UtcNow,
            });
        }
        var goal = new PlanGoal { Id = Guid.CreateVersion7(), PlanId = plan.Id, Position = 90, Title = "Testitavoite" };
        var action = new PlanAction
        {
            Id = Guid.CreateVersion7(),
            GoalId = goal.Id,
            Position = 1,
            Title = "Selvitetään asumisen tuki",
            Responsible = responsible,
            Year = year,
            Status = status,
        };
        db.Goals.Add(goal);
        db.Actions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    private async Task<Guid> AddPlannedAsync(string responsible, PlannedStatus status)
    {
        await using var scope = Host.RegionScope("kainuu");
        var db = scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>();
        var planned = new PlannedCommunication
        {
            Id = Guid.CreateVersion7(),
            What = "Tiedote asunnottomuudesta",
            Responsible = responsible,
            Status = status,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Planned.Add(planned);
        await db.SaveChangesAsync();
        return planned.Id;
    }
}
