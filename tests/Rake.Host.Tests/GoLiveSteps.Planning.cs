using Microsoft.Playwright;

namespace Rake.Host.Tests;

internal static partial class GoLiveSteps
{
    /// <summary>
    /// The implementation plan set up through the pages from nothing, signed in as the region's RegionAdmin: the plan on
    /// the national template with a four-year validity from last year, two goals, a whole-term action and a yearly one, an
    /// approval, the introduction section's text; then the plan page shows them. Language-neutral: ids, not button texts.
    /// </summary>
    public static async Task PlanningAsync(IPage page, string region)
    {
        var from = DateTime.UtcNow.Year - 1;
        var until = from + 4;
        await page.GotoAsync($"/{region}/plan");
        await Assertions.Expect(page.Locator("#plan-none")).ToBeVisibleAsync();
        await Browser.NavigateAsync(page, () => page.ClickAsync("#plan-setup-link"), 60_000);
        await page.WaitForURLAsync(url => url.Contains($"/{region}/plan/setup", StringComparison.Ordinal),
            new PageWaitForURLOptions { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#plan-none")).ToBeVisibleAsync();

        await page.FillAsync("#plan-title", $"Rakenteellisen sosiaalityön toteutussuunnitelma {from}–{until}");
        await page.FillAsync("#plan-validFrom", $"{from}-01-01");
        await page.FillAsync("#plan-validUntil", $"{until}-12-31");
        await page.FillAsync("#plan-updateResponsible", "RAKE-työryhmä");
        await SubmitPlanFormAsync(page, "#plan-title");
        await Assertions.Expect(page.Locator("#setup-validity")).ToHaveTextAsync($"1.1.{from} – 31.12.{until}");

        await page.FillAsync("#goal-title", "Rakenteellinen sosiaalityö tunnetuksi alueella");
        await SubmitPlanFormAsync(page, "#goal-title");
        await Assertions.Expect(page.Locator("#goal1-heading")).ToContainTextAsync("Rakenteellinen sosiaalityö tunnetuksi alueella");
        await page.FillAsync("#goal-title", "Sosiaalisen raportoinnin tieto johtamisen tueksi");
        await SubmitPlanFormAsync(page, "#goal-title");
        await Assertions.Expect(page.Locator("#goal2-heading")).ToContainTextAsync("Sosiaalisen raportoinnin tieto johtamisen tueksi");

        await page.FillAsync("#goal1-title", "Intranetin RAKE-sivu päivitetään vähintään kerran vuodessa");
        await page.FillAsync("#goal1-responsible", "RAKE-työryhmä");
        await SubmitPlanFormAsync(page, "#goal1-title");
        await Assertions.Expect(page.Locator("#goal1 table")).ToContainTextAsync("Intranetin RAKE-sivu päivitetään");

        await page.FillAsync("#goal2-title", $"Vuoden {from + 1} sosiaalinen raportti käsitellään johtoryhmässä");
        await page.FillAsync("#goal2-responsible", "Palvelualuepäälliköt");
        await page.SelectOptionAsync("#goal2-year", $"{from + 1}");
        await page.CheckAsync("#goal2-countsReports");
        await SubmitPlanFormAsync(page, "#goal2-title");
        var yearly = page.Locator("#goal2 tr", new() { HasText = "sosiaalinen raportti käsitellään" });
        await Assertions.Expect(yearly).ToContainTextAsync($"{from + 1}");

        await page.SelectOptionAsync("#approval-kind", "Approved");
        await page.FillAsync("#approval-body", "Hyvinvointialuejohtajan päätös");
        await page.FillAsync("#approval-approver", "Hyvinvointialuejohtaja");
        await page.FillAsync("#approval-on", $"{from}-02-15");
        await SubmitPlanFormAsync(page, "#approval-body");
        await Assertions.Expect(page.Locator("#setup-approvals")).ToContainTextAsync("Hyvinvointialuejohtajan päätös");

        await page.GotoAsync($"/{region}/plan");
        await page.Locator("#section-introduction summary").ClickAsync();
        await page.FillAsync("#content-introduction",
            "Suunnitelma ohjaa rakenteellista sosiaalityötä sosiaalihuoltolain 7 §:n mukaisesti.");
        await SubmitPlanFormAsync(page, "#content-introduction");
        await Assertions.Expect(page.Locator("#section-introduction .rake-prose").First)
            .ToHaveTextAsync("Suunnitelma ohjaa rakenteellista sosiaalityötä sosiaalihuoltolain 7 §:n mukaisesti.");
        await Assertions.Expect(page.Locator("#plan-validity")).ToHaveTextAsync($"1.1.{from} – 31.12.{until}");
        await Assertions.Expect(page.Locator("#plan-actions")).ToContainTextAsync("Intranetin RAKE-sivu päivitetään");
        await Assertions.Expect(page.Locator("#plan-actions")).ToContainTextAsync("sosiaalinen raportti käsitellään johtoryhmässä");
        await Assertions.Expect(page.Locator("#plan-approvals")).ToContainTextAsync("Hyvinvointialuejohtajan päätös");
    }

    /// <summary>Submits the form holding <paramref name="field"/>; each caller then waits for what the save shows.</summary>
    private static Task SubmitPlanFormAsync(IPage page, string field) =>
        page.Locator($"form:has({field})").Locator("button[type=submit]").ClickAsync();
}
