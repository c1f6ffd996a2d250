using System.Globalization;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>
/// The go-live set-up of Competence, Communications and WorkingGroup, done in the browser by the region's RegionAdmin on a
/// region that has none of it yet. Fields and forms are found by id, not by their texts, so the steps run in any language.
/// </summary>
internal static partial class GoLiveSteps
{
    /// <summary>Two units and two orientation items (one marked structural), then the checklist as staff see it.</summary>
    public static async Task CompetenceAsync(IPage page, string region)
    {
        await page.GotoAsync($"/{region}/competence/setup");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        foreach (var (code, name) in new[] { ("aikuiset", "Aikuisten sosiaalityö"), ("perheet", "Lapsiperheiden palvelut") })
        {
            await page.FillAsync("#unitCode", code);
            await page.FillAsync("#unitName", name);
            await page.ClickAsync("form:has(#unitCode) button[type=submit]");
            // Names and texts stay editable in place, so they are the fields' values rather than the table's text.
            await Assertions.Expect(page.Locator($"#units tr:has(th:text-is('{code}')) input[type=text]")).ToHaveValueAsync(name);
        }
        foreach (var (text, structural) in new[] { (StructuralItem, true), ("Perehdytyskeskustelu esihenkilön kanssa", false) })
        {
            await page.FillAsync("#itemText", text);
            await page.Locator("#itemStructural").SetCheckedAsync(structural);
            await page.ClickAsync("form:has(#itemText) button[type=submit]");
            await Assertions.Expect(page.Locator($"#orientation-setup input[type=text][value='{text}']")).ToHaveCountAsync(1);
        }

        await page.GotoAsync($"/{region}/competence/orientation");
        await Assertions.Expect(page.Locator("#orientation-items")).ToContainTextAsync(StructuralItem);
        await Assertions.Expect(page.Locator("#unit option[value=perheet]")).ToHaveCountAsync(1);
    }

    public const string StructuralItem = "Tutustu rakenteellisen sosiaalityön toteutussuunnitelmaan";

    /// <summary>The communication plan from empty: one target group with its goals and channels; the mail page renders too.</summary>
    public static async Task CommunicationsAsync(IPage page, string region)
    {
        await page.GotoAsync($"/{region}/communications/mail");
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await page.GotoAsync($"/{region}/communications/plan");
        await page.FillAsync("#targetGroup", PlanTargetGroup);
        await page.FillAsync("#goals", "Tieto rakenteellisesta sosiaalityöstä\nSosiaalisen raportoinnin käyttöönotto");
        await page.FillAsync("#channels", "Intranet\nHenkilöstöinfot");
        await page.ClickAsync("form:has(#targetGroup) button[type=submit]");
        await Assertions.Expect(page.Locator("#communication-plan")).ToContainTextAsync(PlanTargetGroup);
        await Assertions.Expect(page.Locator("#communication-plan")).ToContainTextAsync("Henkilöstöinfot");
    }

    public const string PlanTargetGroup = "Alueen sosiaalihuollon henkilöstö";

    /// <summary>
    /// The RAKE working group and the steering group, each with a member whom <paramref name="memberSearch"/> finds in the
    /// region's person picker, their term starting today; then both are listed with one member.
    /// </summary>
    public static async Task WorkingGroupAsync(IPage page, string region, string memberSearch)
    {
        foreach (var (kind, name) in new[] { ("WorkingGroup", WorkingGroupName), ("SteeringGroup", SteeringGroupName) })
        {
            await page.GotoAsync($"/{region}/working-groups");
            await page.SelectOptionAsync("#kind", kind);
            await page.FillAsync("#name", name);
            await page.ClickAsync("form:has(#kind) button[type=submit]");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(name);

            var offered = await InteractiveSteps.SearchPersonAsync(page, "userName", memberSearch);
            // The label is "Name (user name)"; the members table shows the name.
            var label = (await offered.First.TextContentAsync())!.Trim();
            await offered.First.ClickAsync();
            await page.SelectOptionAsync("#role", kind == "WorkingGroup" ? "Coordinator" : "Chair");
            await page.FillAsync("#termStart", Today());
            await page.ClickAsync("form:has(#termStart) button[type=submit]");
            await Assertions.Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(1);
            var displayName = label[..label.LastIndexOf(" (", StringComparison.Ordinal)];
            await Assertions.Expect(page.Locator("#members")).ToContainTextAsync(displayName);
        }
        await page.GotoAsync($"/{region}/working-groups");
        foreach (var name in new[] { WorkingGroupName, SteeringGroupName })
        {
            await Assertions.Expect(page.Locator("#bodies tr", new() { HasText = name }).Locator("td").Nth(2)).ToHaveTextAsync("1");
        }
    }

    public const string WorkingGroupName = "RAKE-työryhmä";
    public const string SteeringGroupName = "RAKE-ohjausryhmä";

    private static string Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Helsinki()).DateTime)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TimeZoneInfo Helsinki() => TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
}
