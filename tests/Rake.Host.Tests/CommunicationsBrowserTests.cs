using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Rake.Host.Tests;

/// <summary>The communications flow in a real browser, with every page checked by axe-core.</summary>
[Collection(MailHostCollection.Name)]
public sealed class CommunicationsBrowserTests(MailHost mail, Browser browser) : IClassFixture<Browser>
{
    private RakeTestHost Host => mail.Host;

    [Fact]
    public async Task Communications_drafts_from_a_decision_approves_publishes_to_the_feed_and_mails_a_list()
    {
        var outside = new List<string>();
        var tag = Guid.NewGuid().ToString("N")[..8];

        // A supervisor's processing record plans a communication (fields 2–7).
        using (var professional = await Host.ClientFor("kymenlaakso-professional"))
        using (var supervisor = await Host.ClientFor("kymenlaakso-supervisor"))
        {
            var (_, _, location) = await Reports.SubmitAsync(professional, "kymenlaakso");
            var saved = await supervisor.PutAsJsonAsync($"{location}/supervisor-record", new
            {
                coreOfReport = "Nuorten asunnottomuus",
                communicationGoal = $"Henkilöstö tietää tukiasunnoista {tag}",
                audience = "Aikuissosiaalityön henkilöstö",
                coreMessage = "Tukiasuntoja on haettavissa uudella lomakkeella.",
                channelAndMethod = "Intran uutinen",
                timing = "Syyskuu",
                responsible = "Viestintä",
            });
            saved.EnsureSuccessStatusCode();
        }

        var page = await Browser.SignInAsync(browser.Chromium, Host, "kymenlaakso-communications", outside);
        await page.GotoAsync("/kymenlaakso/communications/plan");
        await Browser.AssertAccessibleAsync(page, "c01-plan");
        await page.ClickAsync("button[type=submit]:has-text('Hae esihenkilöiden kirjauksista')");
        var row = page.Locator($"#planned tr:has-text('{tag}')");
        await Assertions.Expect(row).ToContainTextAsync("Aikuissosiaalityön henkilöstö");
        await Browser.AssertAccessibleAsync(page, "c02-planned-imported");

        // The communications person drafts a publication from it, naming the decision it carries out.
        await row.Locator("a:has-text('Luonnos suunnitellusta viestinnästä')").ClickAsync();
        await Assertions.Expect(page.Locator("#body"))
            .ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Tukiasuntoja on haettavissa"));
        await Browser.AssertAccessibleAsync(page, "c03-new-draft");
        var title = $"Tukiasunnot haettavissa {tag}";
        await page.FillAsync("#title", "");
        await page.ClickAsync("button[type=submit]:has-text('Tallenna luonnos')");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#title")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(page, "c04-draft-errors");
        await page.FillAsync("#title", title);
        await page.FillAsync("#sourceDecision", "Ohjausryhmä 12.6.2026 § 4");
        await page.FillAsync("#body",
            "Tukiasuntoja on haettavissa **uudella lomakkeella**. [Lomake](https://example.invalid/lomake) [paha](javascript:alert(1)) " +
            "<script>alert(2)</script>");
        await page.ClickAsync("button[type=submit]:has-text('Tallenna luonnos')");
        await Assertions.Expect(page.Locator("#publication-status")).ToHaveTextAsync("Luonnos");
        await Assertions.Expect(page.Locator("#publication-body strong")).ToHaveTextAsync("uudella lomakkeella");
        await Assertions.Expect(page.Locator("#publication-body script")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#publication-body a[href^='javascript']")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page, "c05-draft");
        await page.ClickAsync("button[type=submit]:has-text('Hyväksy')");
        await Assertions.Expect(page.Locator("#publication-status")).ToHaveTextAsync("Hyväksytty");
        await page.ClickAsync("button[type=submit]:has-text('Julkaise')");
        await Assertions.Expect(page.Locator("#publication-status")).ToHaveTextAsync("Julkaistu");
        await Browser.AssertAccessibleAsync(page, "c06-published");

        // It appears in the region's public feed, fetched without signing in.
        using (var anonymous = Host.Anonymous())
        {
            var feed = await CommunicationsApiTests.FeedAsync(anonymous, "kymenlaakso", "intranet");
            Assert.Contains(feed.Root!.Elements().Where(e => e.Name.LocalName == "entry"),
                e => e.Elements().Any(x => x.Name.LocalName == "title" && x.Value == title));
            Assert.DoesNotContain(title, (await anonymous.GetStringAsync("/feeds/kainuu/intranet.atom")));
        }
        await page.GotoAsync("/kymenlaakso/communications/publications");
        await InteractiveSteps.WaitForIslandAsync(page, "#publications");
        await Assertions.Expect(page.Locator($"#publications tr:has-text('{title}')")).ToContainTextAsync("Julkaistu");
        await Browser.AssertAccessibleAsync(page, "c07-publications");

        // A mail to a distribution list arrives in the SMTP sink.
        await page.GotoAsync("/kymenlaakso/communications/mail");
        await Browser.AssertAccessibleAsync(page, "c08-mail");
        var listName = $"Toimialainfon kutsutut {tag}";
        await page.FillAsync("#name", listName);
        await page.FillAsync("#members", $"esihenkilo-{tag}@kymenlaakso.test.invalid\nei osoite");
        await page.ClickAsync("button[type=submit]:has-text('Luo lista')");
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("ei osoite");
        await Browser.AssertAccessibleAsync(page, "c09-list-errors");
        await page.FillAsync("#members", $"esihenkilo-{tag}@kymenlaakso.test.invalid");
        await page.ClickAsync("button[type=submit]:has-text('Luo lista')");
        await Assertions.Expect(page.Locator("#lists")).ToContainTextAsync(listName);
        await page.SelectOptionAsync("#list", new SelectOptionValue { Label = listName });
        await page.FillAsync("#subject", $"Kutsu toimialainfoon {tag}");
        await page.FillAsync("#message", "Tervetuloa! Esittelemme puolivuotiskoosteen.");
        // The success text comes from the address (?queued=1) and survives a reload, so it can be on the page before
        // this post is answered: wait for the page the post leads to before reading it.
        await Browser.ClickAndWaitAsync(page, "button[type=submit]:has-text('Lähetä')");
        await Assertions.Expect(page.Locator(".rake-success")).ToContainTextAsync("1 viestiä jonossa");
        await mail.DeliverMailAsync();
        var received = mail.Sink.Messages().Single(m => m.Recipients.Contains($"esihenkilo-{tag}@kymenlaakso.test.invalid"));
        Assert.Equal($"Kutsu toimialainfoon {tag}", received.Subject);
        Assert.Contains("Esittelemme puolivuotiskoosteen.", received.Body);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#deliveries tr:has-text('esihenkilo-{tag}')")).ToContainTextAsync("Lähetetty");
        await Browser.AssertAccessibleAsync(page, "c10-mail-sent");

        // With the SMTP server down the failure shows with its error and can be retried by hand.
        await mail.Sink.StopAsync();
        try
        {
            await page.SelectOptionAsync("#list", new SelectOptionValue { Label = listName });
            await page.FillAsync("#subject", $"Muistutus {tag}");
            await page.FillAsync("#message", "Muistathan toimialainfon.");
            await Browser.ClickAndWaitAsync(page, "button[type=submit]:has-text('Lähetä')");
            await Assertions.Expect(page.Locator(".rake-success")).ToContainTextAsync("1 viestiä jonossa");
            await mail.DeliverMailAsync();
        }
        finally
        {
            await mail.Sink.StartAsync();
        }
        await page.GotoAsync("/kymenlaakso/communications/mail");
        var failedRow = page.Locator($"#deliveries tr:has-text('Muistutus {tag}')");
        await Assertions.Expect(failedRow).ToContainTextAsync("Jonossa");
        await Assertions.Expect(failedRow).ToContainTextAsync("Exception");
        await Browser.AssertAccessibleAsync(page, "c10b-mail-failed");
        await Browser.NavigateAsync(page, () => failedRow.Locator("button:has-text('Yritä uudelleen')").ClickAsync());
        await Assertions.Expect(page.Locator(".rake-success")).ToContainTextAsync("taas jonossa");
        await mail.DeliverMailAsync();
        await page.GotoAsync("/kymenlaakso/communications/mail");
        await Assertions.Expect(page.Locator($"#deliveries tr:has-text('Muistutus {tag}')")).ToContainTextAsync("Lähetetty");
        Assert.Single(mail.Sink.Messages(), m => m.Subject == $"Muistutus {tag}");

        // Info sessions: the staff info after the period, with attendance afterwards.
        await page.GotoAsync("/kymenlaakso/communications/info-sessions");
        await page.SelectOptionAsync("#kind", "StaffInfo");
        await page.FillAsync("#title", $"Sosiaalisen raportoinnin info {tag}");
        await page.FillAsync("#startsAt", "2026-06-15T13:00");
        await page.FillAsync("#materials", "[Kooste](https://example.invalid/kooste.pdf)");
        await page.ClickAsync("button[type=submit]:has-text('Lisää tilaisuus')");
        var session = page.Locator($"#sessions tr:has-text('{tag}')");
        await Assertions.Expect(session).ToContainTextAsync("15.6.2026 13.00");
        await session.Locator("input[name=attendance]").FillAsync("37");
        await session.Locator("button:has-text('Tallenna osallistujat')").ClickAsync();
        await Assertions.Expect(page.Locator($"#sessions tr:has-text('{tag}') input[name=attendance]")).ToHaveValueAsync("37");
        await Browser.AssertAccessibleAsync(page, "c11-info-sessions");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task A_professional_sees_published_items_only_and_no_plan_or_mail_pages_in_any_language()
    {
        var outside = new List<string>();
        var page = await Browser.SignInAsync(browser.Chromium, Host, "keski-suomi-professional", outside);
        await page.GotoAsync("/keski-suomi/communications/publications");
        await InteractiveSteps.WaitForIslandAsync(page, "#publications");
        await Assertions.Expect(page.Locator("#publications")).ToContainTextAsync("Rakenteellinen sosiaalityö");
        await Assertions.Expect(page.Locator("#publications")).Not.ToContainTextAsync("Sosiaalinen raportti kertoo asukkaiden arjesta");
        await Assertions.Expect(page.Locator("#new-draft")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page, "c20-publications-professional");
        await page.GotoAsync("/keski-suomi/communications/plan");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ei käyttöoikeutta");
        await Browser.AssertAccessibleAsync(page, "c21-plan-refused");
        await page.GotoAsync("/account/culture?culture=sv&returnUrl=/keski-suomi/communications/info-sessions");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Infotillfällen");
        await Browser.AssertAccessibleAsync(page, "c22-sessions-sv");
        await page.GotoAsync("/kainuu/communications/publications");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ingen behörighet");

        var ks = await Browser.SignInAsync(browser.Chromium, Host, "keski-suomi-communications", outside);
        await ks.GotoAsync("/keski-suomi/communications/plan");
        await Assertions.Expect(ks.Locator("#communication-plan")).ToContainTextAsync("Sosiaalialan opiskelijat");
        await Browser.AssertAccessibleAsync(ks, "c23-plan-keski-suomi");
        Assert.Empty(outside);
    }
}
