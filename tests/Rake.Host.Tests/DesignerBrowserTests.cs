using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rake.BuildingBlocks.Localization;
using Rake.Modules.Workflows.Persistence;
using Rake.Modules.Workflows.Runtime;

namespace Rake.Host.Tests;

/// <summary>
/// The real Elsa Studio 3.8.2 (WebAssembly, from npm) in Chromium against Rake's Elsa-compatible API: a Kainuu admin
/// edits the annual cycle with the Studio's own toolbox, ports, property editors and publish button, and the engine
/// runs what was published. The toolbox drop is an HTML5 drag and drop and the connection a mouse drag between the
/// ports, both as a person does them. Own host: the test publishes a new version of Kainuu's annual cycle.
/// </summary>
public sealed class DesignerBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly TimeSpan FirstLoad = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task A_kainuu_admin_adds_a_human_task_to_the_annual_cycle_publishes_it_and_the_engine_runs_the_new_version()
    {
        await using var host = await RakeTestHost.StartAsync();
        var texts = host.Services.GetRequiredService<TextCatalog>();
        var outside = new List<string>();
        var page = await SignInAsync(host, "kainuu-regionadmin", outside);
        // Every save the Studio sends, so that a failure below says what reached the API and in which order.
        var saves = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/elsa/api/workflow-definitions", StringComparison.Ordinal))
            {
                lock (saves)
                {
                    saves.Add($"{new Uri(request.Url).AbsolutePath} publish={request.PostData?.Contains("\"publish\":true") == true}");
                }
            }
        };

        // The list page: Rake's shell around the Studio's definition list, in the region's tenant.
        await page.GotoAsync("/kainuu/designer");
        await Assertions.Expect(page.Locator("elsa-workflow-definition-list"))
            .ToContainTextAsync("kainuu-annual-cycle", new() { Timeout = (float)FirstLoad.TotalMilliseconds });
        await AssertAccessibleOutsideStudioAsync(page, "40-designer-list");

        await page.GotoAsync("/kainuu/designer/kainuu-annual-cycle");
        var mayMeeting = page.Locator("[data-cell-id='may-meeting']");
        await mayMeeting.WaitForAsync(new() { Timeout = (float)FirstLoad.TotalMilliseconds });
        await page.WaitForTimeoutAsync(1500);
        var before = await CellIdsAsync(page);

        // Toolbox: the Rake category lists the module's activities; drag "Human task" onto the canvas above May's meeting.
        await page.Locator(".mud-expand-panel-text", new() { HasTextRegex = new("^Rake$") }).ClickAsync();
        var humanTaskName = texts.GetIn("fi", "activity.Rake.Workflows.HumanTask");
        var toolboxItem = page.Locator("[draggable='true']", new() { HasText = humanTaskName }).First;
        var graph = (await page.Locator(".x6-graph").First.BoundingBoxAsync())!;
        var may = (await mayMeeting.BoundingBoxAsync())!;
        await toolboxItem.DragToAsync(page.Locator(".x6-graph").First,
            new() { TargetPosition = new() { X = may.X - graph.X + 20, Y = may.Y - graph.Y - 85 } });
        string added = "";
        await Poll(async () => (added = (await CellIdsAsync(page)).Except(before).SingleOrDefault() ?? "") != "");

        // Connect May's meeting (Done) to the new task (In) by dragging between the ports.
        var from = (await page.Locator("[data-cell-id='may-meeting'] [port='Done'] .elsa-designer-port-circle").BoundingBoxAsync())!;
        var to = (await page.Locator($"[data-cell-id='{added}'] [port='In'] .elsa-designer-port-circle").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + from.Width / 2, from.Y + from.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + 40, from.Y - 20, new() { Steps = 5 });
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 10 });
        await page.Mouse.UpAsync();

        // The new task is selected: choose its role from the dropdown the descriptor offers (the region's roles).
        var roleLabel = texts.GetIn("fi", "activity.Rake.Workflows.HumanTask.role");
        var roleControl = page.Locator("elsa-workflow-definition-editor .mud-select-extended",
            new() { Has = page.Locator("label", new() { HasTextRegex = new($"^{roleLabel}$") }) }).First;
        await roleControl.Locator("div.mud-input-slot").First.ClickAsync();
        await page.Locator(".mud-popover-open [role='option']",
            new() { HasText = texts.GetIn("fi", "role.Communications") }).First.ClickAsync();

        // Publishing without a title fails the engine's validation: nothing is published and the Studio says why.
        var publish = page.Locator("elsa-workflow-definition-editor .mud-toolbar button.mud-icon-button:has(path[d^='M19.35 10.04'])");
        var refusedBody = await CaptureSaveAsync(page, 400);
        await publish.ClickAsync();
        Assert.Contains("A human task needs a title.", await refusedBody.WaitAsync(TimeSpan.FromSeconds(60)));
        await page.UnrouteAsync("**/elsa/api/workflow-definitions");
        await Assertions.Expect(page.GetByText("A human task needs a title.", new() { Exact = false }).First)
            .ToBeVisibleAsync(new() { Timeout = 30_000 });

        var titleLabel = texts.GetIn("fi", "activity.Rake.Workflows.HumanTask.title");
        var title = page.Locator("elsa-workflow-definition-editor .mud-input-control",
            new() { Has = page.Locator("label", new() { HasTextRegex = new($"^{titleLabel}$") }) }).Locator("input").First;
        await title.FillAsync("Tiedota kevään kokouksen tulokset");
        await title.PressAsync("Tab");
        await page.WaitForTimeoutAsync(2000);
        var publishedBody = await CaptureSaveAsync(page, 200, "\"publish\":true");
        await publish.ClickAsync();
        var response = JsonNode.Parse(await publishedBody.WaitAsync(TimeSpan.FromSeconds(60)))!["workflowDefinition"]!;
        await page.UnrouteAsync("**/elsa/api/workflow-definitions");
        Assert.True((bool)response["isPublished"]!);
        Assert.Equal(2, (int)response["version"]!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.ScreenshotFolder, "41-designer-editor.png") });

        // The stored version 2 has the task, its role and the connection, as the Studio wrote them.
        await using (var scope = host.RegionScope("kainuu"))
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var version = await db.Definitions.AsNoTracking()
                .Where(d => d.DefinitionId == "kainuu-annual-cycle" && d.IsPublished)
                .OrderByDescending(d => d.Version)
                .FirstAsync();
            Assert.True(version.Version == 2, $"Published v{version.Version}; the Studio's saves: {string.Join(" | ", saves)}");
            var root = JsonNode.Parse(version.Json)!["root"]!;
            var task = root["activities"]!.AsArray().Single(a => (string?)a!["id"] == added)!;
            Assert.Equal("Rake.Workflows.HumanTask", (string?)task["type"]);
            Assert.Equal("Communications", (string?)task["role"]!["expression"]!["value"]);
            Assert.Contains(root["connections"]!.AsArray(),
                c => (string?)c!["source"]!["activity"] == "may-meeting" && (string?)c["target"]!["activity"] == added);
        }

        // The engine runs the new version: May's cron fires, May's meeting is done, and the new task goes to Communications.
        await using (var scope = host.RegionScope("kainuu"))
        {
            var runtime = scope.ServiceProvider.GetRequiredService<WorkflowRuntime>();
            var instance = (await runtime.StartAsync("kainuu-annual-cycle", null, CancellationToken.None, triggerActivityId: "may"))!;
            Assert.Equal(2, instance.DefinitionVersion);
            var db = scope.ServiceProvider.GetRequiredService<WorkflowsDbContext>();
            var meeting = await db.Bookmarks.AsNoTracking()
                .SingleAsync(b => b.InstanceId == instance.Id && b.ActivityId == "may-meeting" && b.CompletedAt == null);
            Assert.Equal(ResumeOutcome.Resumed, await runtime.ResumeAsync(meeting.Id, null, "kainuu-regionadmin", CancellationToken.None));
            var newTask = await db.Bookmarks.AsNoTracking()
                .SingleAsync(b => b.InstanceId == instance.Id && b.ActivityId == added && b.CompletedAt == null);
            Assert.Equal("Communications", newTask.Role);
        }

        // Run: a test instance starts and its journal shows in Rake, on the same page.
        var url = page.Url;
        await page.Locator("elsa-workflow-definition-editor .mud-toolbar button.mud-icon-button:has(path[d^='M8 5v14l11-7z'])")
            .ClickAsync();
        await Assertions.Expect(page.Locator("#rake-test-run")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#rake-test-run-status")).ToContainTextAsync("versio 2");
        Assert.Equal(url, page.Url);
        Assert.Empty(outside);

        // The run in the Studio's own instance viewer (its diagram at version 2), and in the Studio's list of runs.
        var runPage = await page.Locator("#rake-test-run-link").GetAttributeAsync("href") ?? "";
        Assert.Matches("^/kainuu/designer/instances/[0-9a-f-]{36}$", runPage);
        var runId = runPage[(runPage.LastIndexOf('/') + 1)..];
        await page.Locator("#rake-test-run-link").ClickAsync();
        await page.WaitForURLAsync($"**{runPage}");
        await Assertions.Expect(page.Locator("elsa-workflow-instance-viewer [data-cell-id='may-meeting']"))
            .ToBeVisibleAsync(new() { Timeout = (float)FirstLoad.TotalMilliseconds });
        await page.GotoAsync("/kainuu/designer/instances");
        await Assertions.Expect(page.Locator("elsa-workflow-instance-list"))
            .ToContainTextAsync(runId, new() { Timeout = (float)FirstLoad.TotalMilliseconds });
        await AssertAccessibleOutsideStudioAsync(page, "43-designer-instances");
        Assert.Empty(outside);

        // Kymenlaakso's admin: their own list without Kainuu's definitions; Kainuu's designer and definition are closed.
        var other = await SignInAsync(host, "kymenlaakso-regionadmin", outside);
        await other.GotoAsync("/kymenlaakso/designer");
        var list = other.Locator("elsa-workflow-definition-list");
        await Assertions.Expect(list)
            .ToContainTextAsync("kymenlaakso-half-year-routing", new() { Timeout = (float)FirstLoad.TotalMilliseconds });
        await Assertions.Expect(list).Not.ToContainTextAsync("kainuu");
        Assert.Equal(404, (await other.GotoAsync("/kymenlaakso/designer/kainuu-annual-cycle"))!.Status);
        Assert.Equal(404, (await other.GotoAsync($"/kymenlaakso/designer/instances/{runId}"))!.Status);
        Assert.Equal(403, (await other.GotoAsync("/kainuu/designer/kainuu-annual-cycle"))!.Status);
        await Browser.AssertAccessibleAsync(other, "42-designer-forbidden");
        Assert.Empty(outside);
    }

    private async Task<IPage> SignInAsync(RakeTestHost host, string user, List<string> outside)
    {
        var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress,
            Locale = "fi-FI",
            ViewportSize = new ViewportSize { Width = 1600, Height = 1100 },
        });
        var page = await context.NewPageAsync();
        var origin = new Uri(host.BaseAddress).Authority;
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url).Authority != origin && !request.Url.StartsWith("blob:", StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        await page.GotoAsync("/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", RakeTestHost.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/login"));
        return page;
    }

    /// <summary>
    /// The body of the Studio's next save answered with <paramref name="status"/>, read as it passes (a route), not
    /// afterwards: the Studio may navigate away before a later read, and then the body is gone.
    /// </summary>
    private static async Task<Task<string>> CaptureSaveAsync(IPage page, int status, string? bodyContains = null)
    {
        var body = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/elsa/api/workflow-definitions", async route =>
        {
            if (route.Request.Method != "POST" || (bodyContains is not null && route.Request.PostData?.Contains(bodyContains) != true))
            {
                await route.ContinueAsync();
                return;
            }
            var answer = await route.FetchAsync();
            if (answer.Status == status)
            {
                body.TrySetResult(await answer.TextAsync());
            }
            await route.FulfillAsync(new() { Response = answer });
        });
        return body.Task;
    }

    private static Task<string[]> CellIdsAsync(IPage page) =>
        page.Locator("[data-shape='elsa-activity']").EvaluateAllAsync<string[]>("es => es.map(e => e.getAttribute('data-cell-id'))");

    private static async Task Poll(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(500);
        }
        Assert.Fail("The condition did not hold within 30 s.");
    }

    /// <summary>Axe on Rake's part of the page: the Studio's own markup (MudBlazor, X6) is a third-party widget we do not change.</summary>
    private static async Task AssertAccessibleOutsideStudioAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Browser.ScreenshotFolder, $"{name}.png"),
            FullPage = true
        });
        var result = await Deque.AxeCore.Playwright.PageExtensions.RunAxe(page, new Deque.AxeCore.Commons.AxeRunContext
        {
            Exclude = [new Deque.AxeCore.Commons.AxeSelector("elsa-workflow-definition-list"),
                new Deque.AxeCore.Commons.AxeSelector("elsa-workflow-definition-editor"),
                new Deque.AxeCore.Commons.AxeSelector("elsa-workflow-instance-list"),
                new Deque.AxeCore.Commons.AxeSelector("elsa-workflow-instance-viewer")],
        }, new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"axe-core found violations on {name}:\n{string.Join("\n", violations)}");
    }
}
