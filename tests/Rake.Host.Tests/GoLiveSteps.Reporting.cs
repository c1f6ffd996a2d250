using Microsoft.Playwright;

namespace Rake.Host.Tests;

internal static partial class GoLiveSteps
{
    /// <summary>Codes the reporting set-up gives the region, for later steps that submit a report.</summary>
    public static readonly string[] ReportingCategories = ["housing", "needs"];

    public const string ReportingServiceArea = "adults";
    public const string ReportingMunicipality = "rovaniemi";
    public const string ReportingTargetGroup = "working-age";

    /// <summary>
    /// Reporting's whole set-up of an empty region on /{region}/reports/admin, as its RegionAdmin (Finnish UI): half-years
    /// from December, two categories, a service area, a municipality and a target group, and the first person offered
    /// with the Supervisor role whom <paramref name="supervisorSearch"/> finds in the person picker listed for that service
    /// area. Someone must already hold the Supervisor role in the region (given on the people page or mapped from a sign-on
    /// group).
    /// </summary>
    public static async Task ReportingAsync(IPage page, string region, string supervisorSearch)
    {
        await page.GotoAsync($"/{region}/reports/admin");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Luokitukset ja esihenkilöt");

        await page.CheckAsync("#scheme-HalfYears");
        await page.SelectOptionAsync("#startMonth", "12");
        await page.ClickAsync("form:has(#startMonth) button[type=submit]");
        await Assertions.Expect(page.Locator("#period-scheme-state"))
            .ToHaveTextAsync("Käytössä: puolivuotiskaudet, alku joulukuu.");

        (string Kind, string Code, string Fi, string Sv, string En)[] terms =
        [
            ("Category", ReportingCategories[0], "Asuminen", "Boende", "Housing"),
            ("Category", ReportingCategories[1], "Palvelutarpeet", "Servicebehov", "Service needs"),
            ("ServiceArea", ReportingServiceArea, "Aikuisten palvelut", "Tjänster för vuxna", "Services for adults"),
            ("Municipality", ReportingMunicipality, "Rovaniemi", "Rovaniemi", "Rovaniemi"),
            ("TargetGroup", ReportingTargetGroup, "Työikäiset", "Personer i arbetsför ålder", "Working-age people"),
        ];
        foreach (var (kind, code, fi, sv, en) in terms)
        {
            await page.SelectOptionAsync("#kind", kind);
            await page.FillAsync("#code", code);
            await page.FillAsync("#nameFi", fi);
            await page.FillAsync("#nameSv", sv);
            await page.FillAsync("#nameEn", en);
            await page.ClickAsync("form:has(#code) button[type=submit]");
            await Assertions.Expect(page.Locator("#taxonomy tr", new() { HasText = code })).ToContainTextAsync(fi);
        }

        if (await page.Locator("#no-supervisor-candidates").CountAsync() > 0)
        {
            throw new InvalidOperationException($"Nobody holds the Supervisor role in {region}: give it before this step.");
        }
        var offered = await InteractiveSteps.SearchPersonAsync(page, "userName", supervisorSearch);
        var label = (await offered.First.TextContentAsync())!.Trim();
        await offered.First.ClickAsync();
        // The label is "Name (user name)"; the supervisors table shows the name.
        var person = label[..label.LastIndexOf(" (", StringComparison.Ordinal)];
        await page.SelectOptionAsync("#serviceArea", ReportingServiceArea);
        await page.ClickAsync("form:has(#userName) button[type=submit]");
        await Assertions.Expect(page.Locator("#supervisors tbody tr", new() { HasText = person }))
            .ToContainTextAsync("Aikuisten palvelut");
    }
}
