using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>The annual cycle (vuosikello): drawn from each region's own published workflows, month by month.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class AnnualCycleBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task Each_region_sees_its_own_workflows_year_as_a_circle_and_a_table()
    {
        var outside = new List<string>();
        var kainuu = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-planner", outside);
        await kainuu.GotoAsync("/kainuu/plan/annual-cycle");
        await Assertions.Expect(kainuu.Locator("h1")).ToHaveTextAsync("Rakenteellisen sosiaalityön vuosikello");
        await Assertions.Expect(kainuu.Locator("#annual-cycle")).ToBeVisibleAsync();
        await Assertions.Expect(kainuu.Locator("#annual-cycle g.rake-cycle-month")).ToHaveCountAsync(12);
        // Kainuu's working group meets in February, May, September and November; interim figures in April, July, October.
        foreach (var month in new[] { 2, 5, 9, 11 })
        {
            await Assertions.Expect(kainuu.Locator($"#cycle-table tr[data-month='{month}']")).ToContainTextAsync("Kokous");
        }
        foreach (var month in new[] { 4, 7, 10 })
        {
            await Assertions.Expect(kainuu.Locator($"#cycle-table tr[data-month='{month}']")).ToContainTextAsync("Kooste");
        }
        await Assertions.Expect(kainuu.Locator("#cycle-table tr[data-month='3']")).Not.ToContainTextAsync("Kokous");
        var februaryInPicture = await kainuu.Locator("#annual-cycle g[data-month='2'] text").Nth(1).TextContentAsync();
        var februaryInTable = await kainuu.Locator("#cycle-table tr[data-month='2'] li").CountAsync();
        Assert.Equal(februaryInTable.ToString(System.Globalization.CultureInfo.InvariantCulture), februaryInPicture);
        await Browser.AssertAccessibleAsync(kainuu, "cycle-01-kainuu");

        // Kymenlaakso's half-years end in May and November: its compilations fall in June and December, and nothing of
        // Kainuu's cycle shows.
        var kymenlaakso = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-planner", outside);
        await kymenlaakso.GotoAsync("/kymenlaakso/plan/annual-cycle");
        await Assertions.Expect(kymenlaakso.Locator("#cycle-table tr[data-month='6']")).ToContainTextAsync("Kooste");
        await Assertions.Expect(kymenlaakso.Locator("#cycle-table tr[data-month='12']")).ToContainTextAsync("Kooste");
        await Assertions.Expect(kymenlaakso.Locator("#cycle-table")).Not.ToContainTextAsync("Kainuu");
        await Browser.AssertAccessibleAsync(kymenlaakso, "cycle-02-kymenlaakso");

        // Another region's page is not open to a Kainuu user.
        await kainuu.GotoAsync("/kymenlaakso/plan/annual-cycle");
        await Assertions.Expect(kainuu.Locator("h1")).Not.ToHaveTextAsync("Rakenteellisen sosiaalityön vuosikello");
        Assert.Empty(outside);
    }

    /// <summary>
    /// Each step in the month it is due (docs/adr/0129), as the year simulation tests find them, in the reader's language.
    /// </summary>
    [Fact]
    public async Task Each_step_shows_in_the_month_it_is_due()
    {
        var outside = new List<string>();
        static ILocator Month(IPage page, int month) => page.Locator($"#cycle-table tr[data-month='{month}']");

        // Kainuu (000_… Figure 1): the annual report is finished and sent on in May, not in March when its drafting starts;
        // the budget proposals start in June.
        var kainuu = await Browser.SignInAsync(browser.Chromium, Host, "kainuu-planner", outside);
        await kainuu.GotoAsync("/kainuu/plan/annual-cycle");
        await Assertions.Expect(Month(kainuu, 5)).ToContainTextAsync("Välitä sosiaalinen raportti HYTETU-työryhmille");
        await Assertions.Expect(Month(kainuu, 5)).ToContainTextAsync("Laadi edellisen vuoden sosiaalinen raportti");
        await Assertions.Expect(Month(kainuu, 3)).Not.ToContainTextAsync("sosiaalinen raportti");
        await Assertions.Expect(Month(kainuu, 6)).ToContainTextAsync("Aloita määrärahaesitysten valmistelu");

        // Keski-Suomi: the network meets in February and the steering group in March (Rake's proposal), not in January.
        var keskiSuomi = await Browser.SignInAsync(browser.Chromium, Host, "keski-suomi-planner", outside);
        await keskiSuomi.GotoAsync("/keski-suomi/plan/annual-cycle");
        await Assertions.Expect(Month(keskiSuomi, 2)).ToContainTextAsync("Kokous: Verkoston kokous: vuoden tavoitteet ja toimenpiteet");
        await Assertions.Expect(Month(keskiSuomi, 3)).ToContainTextAsync("Kokous: Ohjausryhmä: vuoden tavoitteet");
        await Assertions.Expect(Month(keskiSuomi, 1)).Not.ToContainTextAsync("Kokous");

        // Kymenlaakso (002_… Figure 3, section 6): a meeting every month, sector infos in February, May, August and November,
        // the staff infos after each reporting period in February and August, none in June or December.
        var kymenlaakso = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-planner", outside);
        await kymenlaakso.GotoAsync("/kymenlaakso/plan/annual-cycle");
        for (var month = 1; month <= 12; month++)
        {
            await Assertions.Expect(Month(kymenlaakso, month)).ToContainTextAsync("Kokous");
            if (month is 2 or 5 or 8 or 11)
            {
                await Assertions.Expect(Month(kymenlaakso, month)).ToContainTextAsync("Infotilaisuus: Sosiaalipalvelujen toimialainfo");
            }
            else
            {
                await Assertions.Expect(Month(kymenlaakso, month)).Not.ToContainTextAsync("Infotilaisuus");
            }
        }
        await Assertions.Expect(Month(kymenlaakso, 2)).ToContainTextAsync("Infotilaisuus: Sosiaalisen raportoinnin info");

        // Bilingual Kymenlaakso in Swedish: the steps' Swedish titles.
        await kymenlaakso.GotoAsync("/account/culture?culture=sv&returnUrl=/kymenlaakso/plan/annual-cycle");
        await Assertions.Expect(Month(kymenlaakso, 3)).ToContainTextAsync("Möte: Ledningsgruppen för strukturellt socialt arbete, möte");
        await Assertions.Expect(Month(kymenlaakso, 6)).ToContainTextAsync("Uppgift: Sammanställ rapporteringsperiodens halvårssammandrag");
        await Browser.AssertAccessibleAsync(kymenlaakso, "cycle-03-kymenlaakso-sv");
        Assert.Empty(outside);
    }
}
