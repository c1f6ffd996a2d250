using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rake.BuildingBlocks.Contracts;

namespace Rake.Host.Tests;

/// <summary>
/// Every role of two regions, in Finnish and Swedish, on a 390 × 844 phone: from the region home, every same-origin link
/// of the menu and of each page is followed (GET only, breadth first, capped), and every page must fit the phone's
/// width, be Rake's own page (never Chromium's error page), not fail with a 5xx, and show no common English UI word in
/// its interface text (issue 13). Pages of one shape (the same path with other ids) are visited once per role, and the
/// Swedish pass visits each shape a role of that region found once, so the run stays within a few minutes.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed partial class PageCrawlBrowserTests(SharedHost shared, Browser browser) : IClassFixture<Browser>
{
    private const int MaxShapesPerRole = 24;

    // On a machine this busy or slower the crawl stops finding new pages after this long, so a run stays within minutes;
    // every role has by then checked its region home and menu, and the report says how many pages were seen.
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(5);
    private const int Phone = 390;
    private static readonly string[] CrawledRegions = ["kainuu", "kymenlaakso"];

    // Common English interface words; "Status" is also Swedish (and used in the Swedish texts), so only fi checks it.
    private static readonly string[] EnglishWords =
        ["Save", "Cancel", "Delete", "Edit", "Search", "Next", "Previous", "Status", "Date", "Name", "Submit", "Back", "Home",
            "Settings", "Loading"];

    // Interface text only: headings, labels, buttons, menus, table headers, alerts, hints, the grids' own texts, and the
    // placeholder/aria-label/title attributes. Cells, descriptions and paragraphs of records (names, report text) are
    // people's data and not checked; an element may also opt out with data-user-text.
    private const string InspectScript = """
        () => {
            const chrome = 'header, nav, h1, h2, h3, h4, label, legend, button, summary, th, dt, caption, [role=alert], '
                + '.rake-hint, .rake-field-error, .rz-pager, .rz-column-title, .rz-datatable-emptymessage, .rz-paginator-summary';
            const texts = [document.title];
            for (const el of document.querySelectorAll(chrome)) {
                if (!el.closest('[data-user-text], .rake-user')) texts.push(el.innerText || el.textContent || '');
            }
            for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
                if (el.closest('[data-user-text]')) continue;
                for (const name of ['placeholder', 'aria-label', 'title']) texts.push(el.getAttribute(name) || '');
            }
            return {
                errorPage: location.protocol === 'chrome-error:' || !!document.getElementById('main-frame-error')
                    || /HTTP ERROR \d{3}/.test(document.body ? document.body.innerText : ''),
                rakePage: !!document.querySelector('header.rake-header'),
                scrollWidth: document.documentElement.scrollWidth,
                innerWidth: window.innerWidth,
                text: texts.join('\n'),
                links: Array.from(document.querySelectorAll('a[href]')).filter(a => !a.hasAttribute('download')).map(a => a.href),
            };
        }
        """;

    private RakeTestHost Host => shared.Host;

    [Fact]
    public async Task Every_page_of_every_role_fits_a_phone_is_rakes_own_and_speaks_finnish_or_swedish()
    {
        var clock = Stopwatch.StartNew();
        var problems = new ConcurrentBag<string>();
        var visits = new ConcurrentBag<string>();
        var swedishShapes = new ConcurrentDictionary<string, bool>();
        var jobs = CrawledRegions.SelectMany(region => Enum.GetValues<RegionRole>().Select(role => (Region: region, Role: role)));
        var deadline = DateTime.UtcNow + Budget;
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (job, _) =>
        {
            var outside = new List<string>();
            var page = await Browser.SignInAsync(browser.Chromium, Host, $"{job.Region}-{job.Role.ToString().ToLowerInvariant()}", outside);
            try
            {
                page.SetDefaultNavigationTimeout(60_000);
                await page.SetViewportSizeAsync(Phone, 844);
                var who = $"{job.Region}-{job.Role}";
                var shapes = await CrawlAsync(page, who, "fi", [$"/{job.Region}"], MaxShapesPerRole, problems, visits, deadline);
                await page.GotoAsync($"/account/culture?culture=sv&returnUrl=/{job.Region}");
                // A shape another role of the region already checked in Swedish is not loaded again.
                var swedish = shapes.Where(s => swedishShapes.TryAdd($"{job.Region} {Shape(s)}", true)).ToList();
                await CrawlAsync(page, who, "sv", swedish, swedish.Count, problems, visits, deadline, follow: false);
                foreach (var url in outside)
                {
                    problems.Add($"{who}: a request left 127.0.0.1: {url}");
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        });
        var report = $"{visits.Count} page loads in {clock.Elapsed.TotalSeconds:0} s";
        Assert.True(visits.Count >= CrawledRegions.Length * 8 * 2, $"The crawl saw too little to mean anything: {report}.");
        Assert.True(problems.IsEmpty, $"{problems.Count} problems ({report}):\n{string.Join("\n", problems.Order().Take(80))}");
    }

    [Fact]
    public async Task The_checks_themselves_catch_overflow_an_error_page_and_english_words_but_not_peoples_data()
    {
        var context = await browser.Chromium.NewContextAsync(
            new BrowserNewContextOptions { ViewportSize = new() { Width = Phone, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <html><head><title>Rake</title></head><body><header class="rake-header"></header>
            <h1>Omat ilmoitukset</h1><button>Save</button><input placeholder="Search">
            <table><tr><th>Otsikko</th></tr><tr><td>Name of the report written by a person</td></tr></table>
            <div style="width: 900px">wide</div></body></html>
            """);
        var found = PageFacts.From(await page.EvaluateAsync<JsonElement>(InspectScript));
        Assert.True(found.ScrollWidth > found.InnerWidth);
        Assert.Equal(["Save", "Search"], EnglishIn(found.Text, "fi"));
        Assert.True(found.RakePage);
        Assert.False(found.ErrorPage);
        Assert.Empty(EnglishIn("Status: Mottagen", "sv"));
        Assert.Equal(["Status"], EnglishIn("Status: Vastaanotettu", "fi"));
        await context.CloseAsync();
    }

    /// <summary>Breadth first from <paramref name="start"/>; returns one address of each page shape it checked.</summary>
    private async Task<List<string>> CrawlAsync(IPage page, string who, string language, IReadOnlyList<string> start, int cap,
        ConcurrentBag<string> problems, ConcurrentBag<string> visits, DateTime deadline, bool follow = true)
    {
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(start.Select(Shape));
        var checkedPages = new List<string>();
        while (queue.Count > 0 && checkedPages.Count < cap && (checkedPages.Count == 0 || DateTime.UtcNow < deadline))
        {
            var path = queue.Dequeue();
            var where = $"{who} {language} {path}";
            IResponse? response;
            try
            {
                response = await page.GotoAsync(path);
            }
            catch (PlaywrightException failure)
            {
                problems.Add($"{where}: did not load ({failure.Message.Split('\n')[0]})");
                continue;
            }
            visits.Add(where);
            checkedPages.Add(path);
            if (response is { Status: >= 500 })
            {
                problems.Add($"{where}: status {response.Status}");
            }
            var facts = PageFacts.From(await page.EvaluateAsync<JsonElement>(InspectScript));
            if (facts.ErrorPage || !facts.RakePage)
            {
                problems.Add($"{where}: not Rake's own page (status {response?.Status})");
            }
            if (facts.ScrollWidth > facts.InnerWidth)
            {
                problems.Add($"{where}: {facts.ScrollWidth} px wide on a {facts.InnerWidth} px phone");
            }
            if (EnglishIn(facts.Text, language) is { Count: > 0 } words)
            {
                problems.Add($"{where}: English words {string.Join(", ", words)}");
            }
            if (!follow)
            {
                continue;
            }
            foreach (var link in facts.Links)
            {
                if (Followable(link) is { } next && seen.Add(Shape(next)))
                {
                    queue.Enqueue(next);
                }
            }
        }
        return checkedPages;
    }

    private string? Followable(string href)
    {
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Authority != new Uri(Host.BaseAddress).Authority
            || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }
        var path = uri.AbsolutePath;
        // Never sign out, switch language or region, download, or load the API, the feeds or the calendar; the designer
        // is Elsa Studio, a third-party application in English that its own browser tests drive.
        string[] skipped = ["/account", "/login", "/logout", "/api", "/feeds", "/calendars", "/openapi", "/health", "/metrics",
            "/_framework", "/_content", "/_blazor", "/elsa-studio"];
        if (skipped.Any(s => path.StartsWith(s, StringComparison.OrdinalIgnoreCase)) || path.Contains("/designer", StringComparison.Ordinal)
            || DownloadExtension().IsMatch(path))
        {
            return null;
        }
        return path + uri.Query;
    }

    /// <summary>The page's shape: its path with every segment holding a digit (ids, years, numbers) made one placeholder.</summary>
    private static string Shape(string path) =>
        string.Join('/', path.Split('?')[0].Split('/').Select(s => s.Any(char.IsDigit) ? "{id}" : s));

    private static List<string> EnglishIn(string text, string language) =>
        EnglishWords
            .Where(w => !(language == "sv" && w == "Status"))
            .Where(w => Regex.IsMatch(text, $@"(?<!\p{{L}}){w}(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            .ToList();

    [GeneratedRegex(@"\.(ics|xlsx|docx|csv|pdf|zip|json|xml|atom|svg|png|html|js|css)$", RegexOptions.IgnoreCase)]
    private static partial Regex DownloadExtension();

    private sealed record PageFacts(bool ErrorPage, bool RakePage, int ScrollWidth, int InnerWidth, string Text, string[] Links)
    {
        public static PageFacts From(JsonElement json) => new(
            json.GetProperty("errorPage").GetBoolean(),
            json.GetProperty("rakePage").GetBoolean(),
            json.GetProperty("scrollWidth").GetInt32(),
            json.GetProperty("innerWidth").GetInt32(),
            json.GetProperty("text").GetString() ?? "",
            [.. json.GetProperty("links").EnumerateArray().Select(l => l.GetString() ?? "")]);
    }
}
