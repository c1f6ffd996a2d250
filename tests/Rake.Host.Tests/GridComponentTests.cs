using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Radzen.Blazor;
using Rake.BuildingBlocks.Contracts;
using Rake.Host.Components.Pages.People;
using Rake.Host.Platform;
using Rake.Host.Platform.People;
using Rake.Modules.Reporting.Features.ViewReports;
using Rake.Modules.Reporting.Ui;
using Rake.Modules.Workflows.Ui;

namespace Rake.Host.Tests;

/// <summary>
/// The interactive grids in bUnit over a real host's services and database: what they show comes through the same handler
/// as the API, in the person's region, searched and sorted in the database.
/// </summary>
public sealed class GridComponentTests(GridComponentTests.GridHost fixture) : IClassFixture<GridComponentTests.GridHost>
{
    [Fact]
    public async Task The_people_grid_renders_the_regions_people_and_searches_and_sorts_through_the_people_handler()
    {
        using var context = await fixture.ContextAsync("kainuu-regionadmin");

        var grid = context.Render<PeopleGrid>(p => p.Add(x => x.Region, "kainuu"));
        grid.WaitForAssertion(() => Assert.NotEmpty(UserNames(grid)), TimeSpan.FromSeconds(20));
        var shown = UserNames(grid);
        Assert.Contains("kainuu-supervisor", shown);
        Assert.DoesNotContain(shown, u => u.StartsWith("kymenlaakso-", StringComparison.Ordinal));

        var radzen = grid.FindComponent<RadzenDataGrid<PersonSummaryDto>>().Instance;
        await grid.InvokeAsync(() => radzen.OrderByDescending(nameof(PersonSummaryDto.UserName)));
        grid.WaitForAssertion(() => Assert.Equal(
            UserNames(grid).Order(StringComparer.Ordinal).Reverse(), UserNames(grid)), TimeSpan.FromSeconds(20));
        await grid.InvokeAsync(() => radzen.OrderBy(nameof(PersonSummaryDto.UserName)));
        grid.WaitForAssertion(() => Assert.Equal(UserNames(grid).Order(StringComparer.Ordinal), UserNames(grid)), TimeSpan.FromSeconds(20));
        Assert.True(UserNames(grid).Count > 1);

        var searched = context.Render<PeopleGrid>(p => p.Add(x => x.Region, "kainuu").Add(x => x.Search, "kainuu-supervisor"));
        searched.WaitForAssertion(() => Assert.Equal(["kainuu-supervisor"], UserNames(searched)), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task The_people_grid_shows_nothing_to_a_person_without_the_admin_role()
    {
        using var context = await fixture.ContextAsync("kainuu-supervisor");

        var grid = context.Render<PeopleGrid>(p => p.Add(x => x.Region, "kainuu"));

        Assert.Empty(grid.FindComponents<RadzenDataGrid<PersonSummaryDto>>());
    }

    [Fact]
    public async Task The_inbox_grid_searches_filters_and_sorts_the_supervisors_reports()
    {
        var token = $"Q{Guid.NewGuid():N}"[..9];
        using var professional = await fixture.Host.ClientFor("kymenlaakso-professional");
        foreach (var title in new[] { "Bravo", "Alfa", "Charlie" })
        {
            await Reports.SubmitAsync(professional, "kymenlaakso", Reports.Valid("kymenlaakso", $"{title} {token} ilmiö"));
        }
        using var context = await fixture.ContextAsync("kymenlaakso-supervisor");

        var grid = context.Render<ReportGrid>(p => p.Add(x => x.Region, "kymenlaakso").Add(x => x.Scope, "Inbox")
            .Add(x => x.Roles, [RegionRole.Supervisor]).Add(x => x.Search, token));
        grid.WaitForAssertion(() => Assert.Equal(3, Titles(grid).Count), TimeSpan.FromSeconds(20));
        // Newest first by default: the last one submitted heads the list.
        Assert.StartsWith("Charlie", Titles(grid)[0]);

        var radzen = grid.FindComponent<RadzenDataGrid<SocialReportListItem>>().Instance;
        await grid.InvokeAsync(() => radzen.OrderBy(nameof(SocialReportListItem.Title)));
        grid.WaitForAssertion(() => Assert.Equal(["Alfa", "Bravo", "Charlie"], Titles(grid).Select(t => t.Split(' ')[0])),
            TimeSpan.FromSeconds(20));

        var closed = context.Render<ReportGrid>(p => p.Add(x => x.Region, "kymenlaakso").Add(x => x.Scope, "Inbox")
            .Add(x => x.Roles, [RegionRole.Supervisor]).Add(x => x.Search, token).Add(x => x.Status, "Closed"));
        closed.WaitForAssertion(() => Assert.Contains("rz-datatable-emptymessage", closed.Markup), TimeSpan.FromSeconds(20));
        Assert.Empty(Titles(closed));
    }

    [Fact]
    public async Task My_tasks_links_a_phenomenon_report_step_to_its_stage_page_and_other_tasks_to_their_cards()
    {
        var token = $"T{Guid.NewGuid():N}"[..9];
        using var admin = await fixture.Host.ClientFor("kymenlaakso-regionadmin");
        var plain = $"plain-{token}".ToLowerInvariant();
        var stage = $"stage-{token}".ToLowerInvariant();
        await WorkflowJson.PublishAsync(admin, "kymenlaakso", WorkflowJson.Sequence(plain, WorkflowJson.Activity("review",
            "Rake.Workflows.HumanTask", ("role", "ResponsiblePerson"), ("title", $"Tarkista {token}"))));
        await WorkflowJson.PublishAsync(admin, "kymenlaakso", WorkflowJson.Sequence(stage, WorkflowJson.Activity("choose",
            "Rake.Reporting.PhenomenonReportStep", ("step", "Choose"), ("role", "ResponsiblePerson"), ("title", $"Valitse {token}"))));
        await WorkflowJson.StartAsync(admin, "kymenlaakso", plain);
        var run = (string)(await WorkflowJson.StartAsync(admin, "kymenlaakso", stage))["id"]!;
        using var context = await fixture.ContextAsync("kymenlaakso-responsibleperson");

        var grid = context.Render<TaskGrid>(p => p.Add(x => x.Region, "kymenlaakso").Add(x => x.Search, token));
        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("#task-list tr.rz-data-row a").Count), TimeSpan.FromSeconds(20));
        var links = grid.FindAll("#task-list tr.rz-data-row a")
            .ToDictionary(a => a.TextContent.Trim(), a => a.GetAttribute("href") ?? "");

        // The step's title opens the page its card opens (here the choice form of its run), not the card.
        Assert.Equal($"/kymenlaakso/phenomenon-reports/new?run={run}", links[$"Valitse {token}"]);
        // A task completed in "My tasks" keeps its card further down the page.
        Assert.Matches("^/kymenlaakso/tasks#task-[0-9a-f]{32}$", links[$"Tarkista {token}"]);
    }

    private static List<string> UserNames(IRenderedComponent<PeopleGrid> grid) =>
        grid.FindAll("#people tr.rz-data-row td:nth-child(2)").Select(c => c.TextContent.Trim()).ToList();

    private static List<string> Titles(IRenderedComponent<ReportGrid> grid) =>
        grid.FindAll("#reports tr.rz-data-row a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>
    /// A host of its own whose service registrations are kept, so each bUnit context gets the real handlers, database and
    /// region gate (bUnit's own renderer, navigation, JS runtime and authentication stand in for the browser's).
    /// </summary>
    public sealed class GridHost : IAsyncLifetime
    {
        private IServiceCollection? services;

        public RakeTestHost Host { get; private set; } = default!;

        public async Task InitializeAsync() => Host = await RakeTestHost.StartAsync(configure: b => services = b.Services);

        public async Task DisposeAsync() => await Host.DisposeAsync();

        public async Task<BunitContext> ContextAsync(string userName)
        {
            Guid id;
            await using (var scope = Host.Services.CreateAsyncScope())
            {
                id = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users
                    .Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            }
            var context = new BunitContext();
            var auth = context.AddAuthorization();
            auth.SetAuthorized(userName);
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id.ToString()));
            var own = context.Services.Select(d => d.ServiceType).ToHashSet();
            foreach (var descriptor in services!)
            {
                var space = descriptor.ServiceType.Namespace ?? "";
                if (!own.Contains(descriptor.ServiceType) && !space.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal)
                    && !space.StartsWith("Microsoft.JSInterop", StringComparison.Ordinal))
                {
                    context.Services.Add(descriptor);
                }
            }
            // Both read the service provider, after which bUnit takes no more registrations.
            context.JSInterop.Mode = JSRuntimeMode.Loose;
            context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
            return context;
        }
    }
}
