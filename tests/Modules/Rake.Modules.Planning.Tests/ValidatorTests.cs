using Rake.Modules.Planning.Features.AddAction;
using Rake.Modules.Planning.Features.AddApproval;
using Rake.Modules.Planning.Features.RecordEvaluation;
using Rake.Modules.Planning.Features.SaveVersion;
using Rake.Modules.Planning.Features.SetPublication;
using Rake.Modules.Planning.Features.UpdateActionStatus;
using Rake.Modules.Planning.Features.UpdateSection;
using Rake.Modules.Planning.Features.ViewEvaluation;

namespace Rake.Modules.Planning.Tests;

/// <summary>
/// Each Planning request's validator, run as the endpoint filter runs it: field names as callers send them, messages in
/// their language, one message per field.
/// </summary>
public sealed class ValidatorTests : IAsyncLifetime
{
    private readonly PlanningTestServices services = new();

    public Task InitializeAsync() => services.SeedPlansAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task A_section_text_over_the_limit_is_refused_and_a_short_or_missing_one_passes()
    {
        var errors = await services.ErrorsAsync(new SectionRequest(new string('a', 20001), "tarve"));
        Assert.Equal(["Enintään 20000 merkkiä."], Assert.Single(errors!, e => e.Key == "content").Value);
        Assert.Single(errors!);
        var swedish = await services.ErrorsAsync(new SectionRequest(null, new string('a', 20001)), "sv");
        Assert.Equal(["Högst 20000 tecken."], swedish!["developmentNeeds"]);
        Assert.Null(await services.ErrorsAsync(new SectionRequest("  " + new string('a', 20000) + "  ", null)));
    }

    [Fact]
    public async Task Done_needs_evidence_but_a_wrong_status_or_overlong_evidence_is_told_first()
    {
        var missing = await services.ErrorsAsync(new ActionStatusRequest("Done", " "));
        Assert.Equal(["evidence"], missing!.Keys);
        Assert.Equal("Kirjaa näyttö (esim. pöytäkirja, julkaisu tai raportti), kun toimenpide on toteutunut.",
            Assert.Single(missing["evidence"]));

        var both = await services.ErrorsAsync(new ActionStatusRequest("Finished", new string('x', 4001)), "sv");
        Assert.Equal(["evidence", "status"], both!.Keys.Order());
        Assert.Equal(["Högst 4000 tecken."], both["evidence"]);
        Assert.Equal(["Välj status: inte genomförd, pågår eller genomförd."], both["status"]);
        var overlong = await services.ErrorsAsync(new ActionStatusRequest("Done", new string('x', 4001)), "sv");
        Assert.Equal(["Högst 4000 tecken."], overlong!["evidence"]);
        Assert.Equal(["status"], (await services.ErrorsAsync(new ActionStatusRequest("done", "x")))!.Keys);

        Assert.Null(await services.ErrorsAsync(new ActionStatusRequest("Done", "Ohjausryhmän pöytäkirja 3/2026")));
        Assert.Null(await services.ErrorsAsync(new ActionStatusRequest("InProgress", null)));
    }

    [Fact]
    public async Task An_approval_needs_a_known_kind_a_body_and_a_date()
    {
        var errors = await services.ErrorsAsync(new ApprovalRequest("Signed", "", new string('a', 201), null));
        Assert.Equal(["approver", "body", "kind", "on"], errors!.Keys.Order());
        Assert.Equal(["Pakollinen tieto."], errors["body"]);
        Assert.Equal(["Enintään 200 merkkiä."], errors["approver"]);
        var swedish = await services.ErrorsAsync(new ApprovalRequest(null, "Styrgrupp", null, null), "sv");
        Assert.Equal(["Välj typ av godkännande."], swedish!["kind"]);
        Assert.Equal(["Ange ett datum."], swedish["on"]);
        Assert.Null(await services.ErrorsAsync(new ApprovalRequest("Approved", "Johtoryhmä", null, new DateOnly(2025, 9, 18))));
    }

    [Fact]
    public async Task Publication_addresses_must_be_web_addresses()
    {
        var errors = await services.ErrorsAsync(new PublicationRequest(null, "javascript:alert(1)", null, "ftp://example.org/plan"));
        Assert.Equal(["Anna kokonainen https-osoite."], errors!["intranetUrl"]);
        Assert.Equal(["intranetUrl", "websiteUrl"], errors.Keys.Order());
        Assert.Equal(["Ange en fullständig https-adress."], (await services.ErrorsAsync(
            new PublicationRequest(null, "https://" + new string('a', 500), null, null), "sv"))!["intranetUrl"]);
        Assert.Null(await services.ErrorsAsync(new PublicationRequest(new DateOnly(2025, 9, 22), "https://kaima.fi/rake", null, " ")));
    }

    [Fact]
    public async Task A_version_note_is_optional_and_short()
    {
        Assert.Equal(["Enintään 500 merkkiä."], (await services.ErrorsAsync(new VersionRequest(new string('n', 501))))!["note"]);
        Assert.Equal(["Högst 500 tecken."], (await services.ErrorsAsync(new VersionRequest(new string('n', 501)), "sv"))!["note"]);
        Assert.Null(await services.ErrorsAsync(new VersionRequest(null)));
    }

    [Fact]
    public async Task An_evaluation_needs_a_year_a_kind_and_a_text()
    {
        var errors = await services.ErrorsAsync(new EvaluationRequest(1999, "Whenever", "", false));
        Assert.Equal(["kind", "text", "year"], errors!.Keys.Order());
        Assert.Equal(["Anna vuosi väliltä 2000–2100."], errors["year"]);
        Assert.Equal(["Valitse arvioinnin laji."], errors["kind"]);
        var swedish = await services.ErrorsAsync(new EvaluationRequest(null, "Yearly", new string('t', 8001), false), "sv");
        Assert.Equal(["Ange ett år mellan 2000 och 2100."], swedish!["year"]);
        Assert.Equal(["Högst 8000 tecken."], swedish["text"]);
        Assert.Null(await services.ErrorsAsync(new EvaluationRequest(2026, "EndOfTerm", "Loppuarviointi", true)));
    }

    [Fact]
    public async Task The_evaluation_year_may_be_left_out_but_not_be_outside_2000_to_2100()
    {
        Assert.Equal(["Anna vuosi väliltä 2000–2100."], (await services.ErrorsAsync(new ViewEvaluationRequest(2101)))!["year"]);
        Assert.Equal(["Ange ett år mellan 2000 och 2100."], (await services.ErrorsAsync(new ViewEvaluationRequest(1999), "sv"))!["year"]);
        Assert.Null(await services.ErrorsAsync(new ViewEvaluationRequest(null)));
        Assert.Null(await services.ErrorsAsync(new ViewEvaluationRequest(2000)));
    }

    [Fact]
    public async Task A_new_actions_year_must_fall_within_the_validity_of_this_regions_plan()
    {
        var errors = await services.ErrorsAsync(new NewActionRequest(" ", new string('r', 201), 2028, false));
        Assert.Equal(["responsible", "title", "year"], errors!.Keys.Order());
        Assert.Equal(["Vuoden on oltava suunnitelman voimassaoloaikana (2025–2026)."], errors["year"]);
        Assert.Equal(["Pakollinen tieto."], errors["title"]);
        Assert.Equal(["Enintään 200 merkkiä."], errors["responsible"]);
        Assert.Equal(["Året måste vara inom planens giltighetstid (2025–2026)."],
            (await services.ErrorsAsync(new NewActionRequest("Koulutus", "RAKE", 2024, false), "sv"))!["year"]);
        Assert.Null(await services.ErrorsAsync(new NewActionRequest("Koulutus", "RAKE", 2026, true)));
        Assert.Null(await services.ErrorsAsync(new NewActionRequest("Koulutus", "RAKE", null, false)));

        // Keski-Suomi's plan runs to 2029, but a Kainuu request never sees it.
        await using var keskiSuomi = new PlanningTestServices("keski-suomi", services.Database);
        Assert.Null(await keskiSuomi.ErrorsAsync(new NewActionRequest("Koulutus", "RAKE", 2028, false)));
        Assert.Equal(["Vuoden on oltava suunnitelman voimassaoloaikana (2025–2029)."],
            (await keskiSuomi.ErrorsAsync(new NewActionRequest("Koulutus", "RAKE", 2030, false)))!["year"]);
    }
}
