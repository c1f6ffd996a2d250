using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>
/// The Webropol/Questback import as a responsible person does it in the browser: a file with a bad row is previewed with the
/// row's error and cannot be imported, a good one is previewed, confirmed and reported, and the same file again imports nothing.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class ImportWizardBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task A_file_is_previewed_with_row_errors_then_a_good_one_is_confirmed_and_reported()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        string[] good =
        [
            $"wizard-{tag}-1", "10.2.2023 9:30", "kielteinen", $"Ohjatun tuonnin ilmiö {tag}", "Palveluun pääsy on hidastunut.",
            "Selvitetään resurssit.", "housing", "adults", "jyvaskyla", "working-age",
        ];
        string[] bad = [$"wizard-{tag}-2", "11.2.2023 9:30", "outo tyyppi", "Virheellinen rivi", "Kuvaus.", "Ehdotus.", "housing",
            "adults", "jyvaskyla", "working-age"];

        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "keski-suomi-responsibleperson", outside);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/keski-suomi/reports/import");
        await Browser.AssertAccessibleAsync(page, "import-01-upload");
        await page.SetInputFilesAsync("#file", Csv("kysely-virhe.csv", good, bad));
        await page.ClickAsync("#preview");
        await Assertions.Expect(page.Locator("#import-rows")).ToContainTextAsync("Virhe");
        await Assertions.Expect(page.Locator("#result-summary")).ToContainTextAsync("virheellisiä 1");
        await Assertions.Expect(page.Locator("#cannot-import")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#confirm-import")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page, "import-02-preview-errors");

        // Nothing of it was stored: the good row is still new.
        await page.ClickAsync("a:has-text('Tuo toinen tiedosto')");
        await page.SetInputFilesAsync("#file", Csv("kysely.csv", good));
        await page.ClickAsync("#preview");
        await Assertions.Expect(page.Locator("#import-rows")).ToContainTextAsync("Uusi");
        await page.ClickAsync("#confirm-import");
        await Assertions.Expect(page.Locator("#result-summary")).ToContainTextAsync("Tuotiin 1 ilmoitusta");
        await Assertions.Expect(page.Locator("#imported-numbers")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#import-steps [aria-current=step]")).ToContainTextAsync("Tuonnin raportti");
        await Browser.AssertAccessibleAsync(page, "import-03-done");

        // The same file again: the row is recognised and skipped.
        await page.ClickAsync("a:has-text('Tuo toinen tiedosto')");
        await page.SetInputFilesAsync("#file", Csv("kysely.csv", good));
        await page.ClickAsync("#preview");
        await Assertions.Expect(page.Locator("#import-rows")).ToContainTextAsync("Tuotu aiemmin");
        await Assertions.Expect(page.Locator("#cannot-import")).ToContainTextAsync("ei ole uusia rivejä");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task A_professional_gets_no_import_page()
    {
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "keski-suomi-professional", outside);
        var response = await page.GotoAsync("/keski-suomi/reports/import");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("#file")).ToHaveCountAsync(0);
    }

    private static FilePayload Csv(string name, params string[][] rows) => new()
    {
        Name = name,
        MimeType = "text/csv",
        Buffer = ReportingOutputsTests.Csv([ReportingOutputsTests.Header, .. rows]),
    };
}
