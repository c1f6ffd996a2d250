using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Radzen.Blazor;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Communications.Ui;
using Rake.Modules.Workflows.Features.HandStart;
using Rake.Modules.WorkingGroup.Features.MyAssignments;
using Rake.Modules.WorkingGroup.Ui;

namespace Rake.Host.Tests;

/// <summary>
/// The assignment and publication grids in bUnit over a real host (the same handlers as the pages and the API, in the
/// person's region), and the hand-start rules: only a definition without a trigger, only the inputs it declares.
/// </summary>
public sealed class StaffUiComponentTests(GridComponentTests.GridHost fixture) : IClassFixture<GridComponentTests.GridHost>
{
    [Fact]
    public async Task The_assignment_grid_shows_only_ones_own_overdue_first_and_sorts_by_title()
    {
        var token = $"A{Guid.NewGuid():N}"[..9];
        using var responsible = await fixture.Host.ClientFor("kainuu-responsibleperson");
        var body = await WorkingGroupApiTests.CreateBodyAsync(responsible, "kainuu", "WorkingGroup");
        var scheduled = await WorkingGroupApiTests.ScheduleAsync(responsible, "kainuu", body["id"]!.GetValue<Guid>(),
            DateTimeOffset.UtcNow.AddDays(2));
        var meetingId = (scheduled["meeting"] ?? scheduled)["id"]!.GetValue<Guid>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var (title, due) in new[] { ("Bravo", today.AddDays(60)), ("Alfa", today.AddDays(-3)), ("Charlie", today.AddDays(5)) })
        {
            var added = await responsible.PostAsJsonAsync($"/api/v1/regions/kainuu/meetings/{meetingId}/assignments",
                new { title = $"{title} {token}", assignee = "kainuu-planner", dueDate = due });
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        using var context = await fixture.ContextAsync("kainuu-planner");
        var grid = context.Render<AssignmentGrid>(p => p.Add(x => x.Region, "kainuu").Add(x => x.Search, token));
        grid.WaitForAssertion(() => Assert.Equal(3, Titles(grid).Count), TimeSpan.FromSeconds(20));
        // Overdue first, then by due date; the overdue row is marked.
        Assert.Equal(["Alfa", "Charlie", "Bravo"], Titles(grid).Select(t => t.Split(' ')[0]));
        Assert.Contains("wg-overdue", grid.FindAll("#my-assignments tbody tr")[0].GetAttribute("class") ?? "");

        var radzen = grid.FindComponent<RadzenDataGrid<AssignmentListItem>>().Instance;
        await grid.InvokeAsync(() => radzen.OrderByDescending(nameof(AssignmentListItem.Title)));
        grid.WaitForAssertion(() => Assert.Equal(["Charlie", "Bravo", "Alfa"], Titles(grid).Select(t => t.Split(' ')[0])),
            TimeSpan.FromSeconds(20));

        // Someone else's assignments are not in anyone's own list.
        using var other = await fixture.ContextAsync("kainuu-supervisor");
        var theirs = other.Render<AssignmentGrid>(p => p.Add(x => x.Region, "kainuu").Add(x => x.Search, token));
        theirs.WaitForAssertion(() => Assert.Contains("rz-datatable-emptymessage", theirs.Markup), TimeSpan.FromSeconds(20));
        Assert.Empty(Titles(theirs));
    }

    [Fact]
    public async Task The_publication_grid_hides_drafts_from_a_professional_and_filters_by_status()
    {
        var token = $"P{Guid.NewGuid():N}"[..9];
        using var comms = await fixture.Host.ClientFor("kainuu-communications");
        await CommunicationsApiTests.CreateAsync(comms, "kainuu", CommunicationsApiTests.Draft($"Luonnos {token}"));

        using var editor = await fixture.ContextAsync("kainuu-communications");
        var drafts = editor.Render<PublicationGrid>(p => p.Add(x => x.Region, "kainuu").Add(x => x.Search, token)
            .Add(x => x.Status, "Draft"));
        drafts.WaitForAssertion(() => Assert.Single(PublicationTitles(drafts)), TimeSpan.FromSeconds(20));
        var published = editor.Render<PublicationGrid>(p => p.Add(x => x.Region, "kainuu").Add(x => x.Search, token)
            .Add(x => x.Status, "Published"));
        published.WaitForAssertion(() => Assert.Contains("rz-datatable-emptymessage", published.Markup), TimeSpan.FromSeconds(20));

        using var reader = await fixture.ContextAsync("kainuu-professional");
        var readers = reader.Render<PublicationGrid>(p => p.Add(x => x.Region, "kainuu").Add(x => x.Search, token));
        readers.WaitForAssertion(() => Assert.Contains("rz-datatable-emptymessage", readers.Markup), TimeSpan.FromSeconds(20));
        Assert.Empty(PublicationTitles(readers));
    }

    [Fact]
    public async Task Only_a_definition_without_a_trigger_is_started_by_hand_and_only_with_its_declared_inputs()
    {
        // The role requirement is the endpoint's (tested below); the rules about definitions and inputs are the handler's.
        await using var scope = fixture.Host.RegionScope("kymenlaakso");
        var handler = scope.ServiceProvider.GetRequiredService<HandStartHandler>();

        var offered = await handler.ListAsync(CancellationToken.None);
        Assert.Contains(offered, d => d.DefinitionId == "kymenlaakso-phenomenon-report");
        Assert.DoesNotContain(offered, d => d.DefinitionId is "kymenlaakso-half-year-routing" or "kymenlaakso-meeting-rhythm");

        var scheduled = await Assert.ThrowsAsync<NotFoundException>(() =>
            handler.StartAsync(new HandStartRequest("kymenlaakso-half-year-routing", []), CancellationToken.None));
        Assert.NotEmpty(scheduled.Message);
        var undeclared = await Assert.ThrowsAsync<ValidationException>(() => handler.StartAsync(
            new HandStartRequest("kymenlaakso-phenomenon-report", [new HandStartInputValue("topic", "x")]), CancellationToken.None));
        Assert.Equal(["inputs.topic"], undeclared.Errors.Keys);

        var started = await handler.StartAsync(new HandStartRequest("kymenlaakso-phenomenon-report", []), CancellationToken.None);
        Assert.Equal("kymenlaakso-phenomenon-report", started.DefinitionId);
    }

    [Fact]
    public async Task The_hand_start_api_refuses_a_professional_and_an_identity_code_in_an_input()
    {
        using var professional = await fixture.Host.ClientFor("kymenlaakso-professional");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await professional.GetAsync("/api/v1/regions/kymenlaakso/hand-started-workflows")).StatusCode);

        using var lead = await fixture.Host.ClientFor("kymenlaakso-responsibleperson");
        var list = (await lead.GetFromJsonAsync<JsonArray>("/api/v1/regions/kymenlaakso/hand-started-workflows"))!;
        Assert.Contains(list, d => d!["definitionId"]!.GetValue<string>() == "kymenlaakso-phenomenon-report");
        var refused = await lead.PostAsJsonAsync("/api/v1/regions/kymenlaakso/hand-started-workflows", new
        {
            definitionId = "kymenlaakso-phenomenon-report",
            inputs = new[] { new { name = "topic", value = "Asiakas 131052-308T" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    private static List<string> Titles(IRenderedComponent<AssignmentGrid> grid) =>
        grid.FindAll("#my-assignments tbody tr a").Select(a => a.TextContent.Trim()).ToList();

    private static List<string> PublicationTitles(IRenderedComponent<PublicationGrid> grid) =>
        grid.FindAll("#publications tr.rz-data-row a").Select(a => a.TextContent.Trim()).ToList();
}
