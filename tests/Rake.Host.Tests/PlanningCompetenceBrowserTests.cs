using System.Net.Http.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>Issue 6 end to end in a real browser: plan follow-up with evidence and report counts, export, and an anonymous survey answer
/// updating the unit comparison.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class PlanningCompetenceBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_planner_records_an_action_done_with_evidence_sees_it_with_report_counts_and_exports_the_plan()
    {
        var outside = new List<string>();
        using (var reporter = await Host.ClientFor("kymenlaakso-professional"))
        {
            await Reports.SubmitAsync(reporter, "kymenlaakso");
        }
        using var api = await Host.ClientFor("kymenlaakso-planner");
        var year = DateTime.UtcNow.Year;
        var counts = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/regions/kymenlaakso/plan/evaluation?year={year}"))!["reportCounts"]!
            .AsArray();
        Assert.NotEmpty(counts);

        var planner = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-planner", outside);
        await planner.GotoAsync("/kymenlaakso/plan");
        await Assertions.Expect(planner.Locator("#plan-approvals")).ToContainTextAsync("Sosiaalipalveluiden johtoryhmä");
        await Assertions.Expect(planner.Locator("#plan-actions")).ToContainTextAsync("Ilmiölähtöinen sosiaalinen raportti on laadittu");
        await Browser.AssertAccessibleAsync(planner, "i6-01-plan");

        await planner.GotoAsync($"/kymenlaakso/plan/evaluation?year={year}");
        await Browser.AssertAccessibleAsync(planner, "i6-02-evaluation");
        var form = planner.Locator("form:has(legend:has-text('Lomakepohjaisia sosiaalisia raportointeja'))");
        await form.Locator("select").SelectOptionAsync("Done");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(planner.Locator("#error-summary")).ToContainTextAsync("näyttö");
        await Assertions.Expect(planner.Locator("textarea[aria-invalid=true]")).ToHaveCountAsync(1);
        await Browser.AssertAccessibleAsync(planner, "i6-03-evidence-missing");

        form = planner.Locator("form:has(legend:has-text('Lomakepohjaisia sosiaalisia raportointeja'))");
        await form.Locator("select").SelectOptionAsync("Done");
        await form.Locator("textarea").FillAsync("Puolivuotiskooste käsitelty johtoryhmässä, muistio 6/2026");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(planner.Locator("[role=status]")).ToContainTextAsync("Tallennettu");
        var row = planner.Locator("#evaluation-actions tr:has-text('Lomakepohjaisia sosiaalisia raportointeja')");
        await Assertions.Expect(row.Locator(".action-status")).ToHaveTextAsync("Toteutunut");
        await Assertions.Expect(row.Locator(".action-evidence"))
            .ToHaveTextAsync("Puolivuotiskooste käsitelty johtoryhmässä, muistio 6/2026");
        foreach (var period in counts)
        {
            var text = $"{period!["periodId"]} {period["reports"]}";
            await Assertions.Expect(row).ToContainTextAsync(text);
            await Assertions.Expect(planner.Locator("#report-counts")).ToContainTextAsync(period["periodId"]!.GetValue<string>());
        }
        await Browser.AssertAccessibleAsync(planner, "i6-04-evaluation-updated");

        // Export: the Word file validates, the HTML page for publication is accessible.
        await planner.GotoAsync("/kymenlaakso/plan");
        // The export link, fetched with the planner's browser session (a download event is slow to fire under load).
        var href = (await planner.Locator("#export-docx").GetAttributeAsync("href"))!;
        var exported = await planner.APIRequest.GetAsync(href);
        Assert.Equal(200, exported.Status);
        Assert.Contains("attachment", exported.Headers["content-disposition"], StringComparison.Ordinal);
        using (var stream = new MemoryStream(await exported.BodyAsync()))
        using (var document = WordprocessingDocument.Open(stream, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(document));
            Assert.Contains("Toteutunut", document.MainDocumentPart!.Document.Body!.InnerText);
        }
        await planner.ClickAsync("#export-html");
        await Assertions.Expect(planner.Locator("h1")).ToContainTextAsync("Kymenlaakson hyvinvointialue");
        await Browser.AssertAccessibleAsync(planner, "i6-05-export-html");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task A_professional_answers_the_survey_and_the_unit_comparison_chart_appears()
    {
        var outside = new List<string>();
        var professional = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-professional", outside);
        await professional.GotoAsync("/kainuu/competence/surveys?unit=disability");
        // Vammaispalvelut has four respondents in the open round: below the threshold, nothing is shown.
        await Assertions.Expect(professional.Locator("#chart-hidden")).ToBeVisibleAsync();
        await Assertions.Expect(professional.Locator("#unit-respondents tr[data-unit=disability]")).ToContainTextAsync("Alle 5 vastaajaa");
        await Browser.AssertAccessibleAsync(professional, "i6-10-survey");

        await professional.ClickAsync("button[type=submit]:has-text('Lähetä vastaus')");
        await Assertions.Expect(professional.Locator("#error-summary")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(professional, "i6-11-survey-errors");

        await professional.SelectOptionAsync("#unit", "disability");
        var groups = professional.Locator("#survey-form fieldset");
        var count = await groups.CountAsync();
        Assert.Equal(11, count);
        for (var i = 0; i < count; i++)
        {
            await groups.Nth(i).Locator("input[type=radio][value='4']").CheckAsync();
        }
        await professional.ClickAsync("button[type=submit]:has-text('Lähetä vastaus')");
        await Assertions.Expect(professional.Locator("#answer-thanks")).ToBeVisibleAsync();
        await Assertions.Expect(professional.Locator("#comparison-chart")).ToBeVisibleAsync();
        await Assertions.Expect(professional.Locator("#chart-heading")).ToHaveTextAsync("Vammaispalvelut");
        await Assertions.Expect(professional.Locator("#unit-respondents tr[data-unit=disability]")).ToContainTextAsync("5");
        await Assertions.Expect(professional.Locator("#comparison-table"))
            .ToContainTextAsync("Kolmannen sektorin toiminnan ja palveluiden tunteminen");
        await Assertions.Expect(professional.Locator("#answered-already")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(professional, "i6-12-survey-answered");

        await professional.GotoAsync("/kainuu/competence/orientation");
        await Assertions.Expect(professional.Locator("#trainings")).ToContainTextAsync("33 min");
        await Assertions.Expect(professional.Locator("#trainings")).ToContainTextAsync("Maaseutusosiaalityö");
        await Browser.AssertAccessibleAsync(professional, "i6-13-orientation");
        await professional.SelectOptionAsync("#unit", "adults");
        await professional.Locator("#orientation-items button").First.ClickAsync();
        await Assertions.Expect(professional.Locator("[role=status]")).ToContainTextAsync("Tallennettu");
        await Assertions.Expect(professional.Locator("#orientation-items tr").Nth(1)).ToContainTextAsync("Tehty");
        Assert.Empty(outside);
    }
}
