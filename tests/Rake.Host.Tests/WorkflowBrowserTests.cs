using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Rake.Host.Tests.WorkflowJson;

namespace Rake.Host.Tests;

/// <summary>"My tasks": a person sees their roles' human tasks in the region and completing one resumes the workflow.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class WorkflowBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task A_working_group_member_completes_a_task_in_my_tasks_and_the_workflow_moves_on()
    {
        using var admin = await shared.Host.ClientFor("kymenlaakso-regionadmin");
        var definitionId = $"wg-comment-{Guid.NewGuid():N}"[..24];
        var title = $"Kommentoi puolivuosikooste {Guid.NewGuid():N}"[..40];
        var task = Activity("comment", "Rake.Workflows.HumanTask", ("role", "WorkingGroupMember"), ("title", title),
            ("description", "Työryhmän kommentit koosteeseen."));
        task["dueInDays"] = new JsonObject
        {
            ["typeName"] = "Int32",
            ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "14" }
        };
        await PublishAsync(admin, "kymenlaakso", Sequence(definitionId, task));
        var instance = await StartAsync(admin, "kymenlaakso", definitionId);
        var instanceId = instance["id"]!.GetValue<string>();

        var outside = new List<string>();
        // Another role of the same region does not get the working group's task.
        var professional = await Browser.SignInAsync(browser.Chromium, shared.Host, "kymenlaakso-professional", outside);
        await professional.GotoAsync("/kymenlaakso/tasks");
        await Assertions.Expect(professional.Locator($"article:has-text('{title}')")).ToHaveCountAsync(0);

        var member = await Browser.SignInAsync(browser.Chromium, shared.Host, "kymenlaakso-workinggroupmember", outside);
        await member.GotoAsync("/kymenlaakso");
        await member.ClickAsync("nav summary:has-text('Oma työ')");
        await member.ClickAsync("nav a:has-text('Omat tehtävät')");
        var card = member.Locator($"article:has-text('{title}')");
        await Assertions.Expect(card).ToContainTextAsync("RAKE-työryhmän jäsen");
        await Browser.AssertAccessibleAsync(member, "30-my-tasks");
        await card.Locator("textarea").FillAsync("Kommentit lisätty koosteeseen.");
        await card.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(member.Locator("[role=status]")).ToContainTextAsync("Tehtävä merkittiin tehdyksi");
        await Assertions.Expect(member.Locator($"article:has-text('{title}')")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(member, "31-my-tasks-done");

        Assert.Equal("Finished", (await InstanceAsync(admin, "kymenlaakso", instanceId))["subStatus"]!.GetValue<string>());
        Assert.Empty(outside);
    }
}
