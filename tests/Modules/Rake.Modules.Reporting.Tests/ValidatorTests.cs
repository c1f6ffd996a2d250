using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Features.AnnualReport;
using Rake.Modules.Reporting.Features.Compilations;
using Rake.Modules.Reporting.Features.Export;
using Rake.Modules.Reporting.Features.Import;
using Rake.Modules.Reporting.Features.PhenomenonRegister;
using Rake.Modules.Reporting.Features.PhenomenonReports;
using Rake.Modules.Reporting.Features.ProcessReport;
using Rake.Modules.Reporting.Features.RegionSetup;
using Rake.Modules.Reporting.Features.ViewReports;
using static Rake.Modules.Reporting.Tests.ValidatorTestKit;

namespace Rake.Modules.Reporting.Tests;

/// <summary>
/// Reporting's request validators, run the way the API runs them: every field error at once, keyed by the camelCase name
/// callers send, worded from the text catalog in the caller's language.
/// </summary>
public sealed class ValidatorTests
{
    private const string IdentityCode = "131052-308T";

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task Supervisor_record_refuses_a_priority_out_of_range_and_an_overlong_field_in_the_callers_language(string language)
    {
        var request = new SupervisorRecordRequest(new string('x', SupervisorRecord.FieldMax + 1), null, null, null, null, null,
            null, null, 0, null);

        var errors = await ErrorsAsync(request, language);

        Assert.Equal(["coreOfReport", "priority"], errors.Keys.Order());
        Assert.Equal([Text(language, "validation.tooLong", SupervisorRecord.FieldMax, SupervisorRecord.FieldMax + 1)],
            errors["coreOfReport"]);
        Assert.Equal([Text(language, "validation.range", 1, 99)], errors["priority"]);
    }

    [Fact]
    public async Task Supervisor_record_with_only_blank_fields_is_accepted()
    {
        Assert.Empty(await ErrorsAsync(new SupervisorRecordRequest(null, " ", null, null, null, null, null, null, 99, null)));
    }

    [Theory]
    [InlineData("Nowhere")]
    [InlineData("3")]
    public async Task Status_change_names_an_existing_status(string status)
    {
        var errors = await ErrorsAsync(new StatusChangeRequest(status, null), "sv");

        var message = Assert.Single(errors["status"]);
        Assert.Equal(Text("sv", "validation.unknownValue", status, string.Join(", ", Enum.GetNames<ReportStatus>())), message);
    }

    [Fact]
    public async Task Status_change_accepts_a_status_in_any_letter_case_and_requires_one()
    {
        Assert.Empty(await ErrorsAsync(new StatusChangeRequest("toworkinggroup", "ok")));
        Assert.Equal([Text("fi", "validation.required")], (await ErrorsAsync(new StatusChangeRequest(null, null)))["status"]);
    }

    [Fact]
    public async Task Feedback_needs_a_comment()
    {
        var errors = await ErrorsAsync(new FeedbackRequest("   "), "sv");

        Assert.Equal([Text("sv", "validation.required")], errors["comment"]);
        Assert.Empty(await ErrorsAsync(new FeedbackRequest("Kiitos")));
    }

    [Theory]
    [InlineData("steeringgroupdecision", "SteeringGroupDecision")]
    [InlineData(" WorkingGroupComment ", "WorkingGroupComment")]
    [InlineData("Opinion", null)]
    [InlineData("1", null)]
    [InlineData(null, null)]
    public void A_compilation_notes_kind_is_read_as_the_validator_reads_it(string? kind, string? expected)
    {
        Assert.Equal(expected, AddCompilationNoteValidator.KindOrNull(kind)?.ToString());
    }

    [Fact]
    public async Task Phenomenon_texts_refuse_a_personal_identity_code_but_a_decision_is_only_length_checked()
    {
        var entry = await ErrorsAsync(new PhenomenonEntryRequest($"Asiakas {IdentityCode} kertoi"), "sv");
        var draft = await ErrorsAsync(new PhenomenonDraftRequest(new string('d', PhenomenonReport.TextMax + 1)));
        var decision = await ErrorsAsync(new PhenomenonDecisionRequest(new string('d', PhenomenonReport.TextMax + 1)));

        Assert.Equal([Text("sv", "pii.identityCode")], entry["text"]);
        Assert.Empty(draft);
        Assert.Equal([Text("fi", "validation.tooLong", PhenomenonReport.TextMax, PhenomenonReport.TextMax + 1)], decision["text"]);
    }

    [Fact]
    public async Task Advancing_names_a_stage()
    {
        Assert.Empty(await ErrorsAsync(new AdvanceRequest("Workshop1")));
        Assert.Single((await ErrorsAsync(new AdvanceRequest("Workshop9")))["stage"]);
    }

    [Fact]
    public async Task Choosing_a_phenomenon_requires_every_criterion_and_screens_every_criterion()
    {
        var validator = new ChoosePhenomenonRequestValidator(Texts, null!);

        var result = await validator.ValidateAsync(new ChoosePhenomenonRequest("Otsikko", "", null, " ", $"hetu {IdentityCode}",
            "Usein", []));

        var byField = result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToList());
        Assert.Equal(["Description", "Needs", "Topicality"], byField.Keys.Order());
        // The identity code is the pipeline's to refuse (docs/adr/0090): every criterion is a screened text.
        Assert.Equal(["title", "description", "needs", "topicality", "significance", "recurrence"],
            Rake.BuildingBlocks.Privacy.ScreenedText.Read(new ChoosePhenomenonRequest("a", "b", "c", "d", "e", "f", []))
                .Select(t => t.Field));
        Assert.Equal([Text("fi", "validation.required")], byField["Needs"]);
    }

    [Fact]
    public async Task A_new_term_needs_a_known_kind_and_a_code_of_letters_digits_dashes_and_underscores()
    {
        var validator = new TermRequestValidator(Texts, null!);

        var result = await validator.ValidateAsync(new TermRequest("Colour", "a b", "Nimi", null, null));

        var byField = result.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Equal(["Code", "Kind"], byField.Keys.Order());
        Assert.Equal(Text("fi", "reporting.validation.codeChars"), byField["Code"]);
        Assert.Equal(Text("fi", "validation.unknownValue", "Colour", string.Join(", ", Enum.GetNames<TermKind>())), byField["Kind"]);
    }

    [Fact]
    public async Task Renaming_a_term_needs_the_finnish_name()
    {
        var errors = await ErrorsAsync(new UpdateTermRequest(null, null, null, new string('s', 201), "Name"), "sv");

        Assert.Equal([Text("sv", "validation.required")], errors["nameFi"]);
        Assert.Equal([Text("sv", "validation.tooLong", 200, 201)], errors["nameSv"]);
        Assert.Empty(await ErrorsAsync(new UpdateTermRequest("Category", "x", "Nimi", null, null, false)));
    }

    [Fact]
    public async Task Annual_sections_may_be_empty_but_hold_no_identity_code()
    {
        Assert.Empty(await ErrorsAsync(new UpdateAnnualSectionsRequest(null, null, null, null)));

        var errors = await ErrorsAsync(new UpdateAnnualSectionsRequest("Johdanto", null, null, $"Päätelmä {IdentityCode}"));

        Assert.Equal(["conclusions"], errors.Keys);
        Assert.Equal([Text("fi", "pii.identityCode")], errors["conclusions"]);
    }

    [Fact]
    public async Task Report_list_query_checks_scope_and_paging()
    {
        Assert.Empty(await ErrorsAsync(new ReportListQuery(null)));
        Assert.Empty(await ErrorsAsync(new ReportListQuery("inbox", 2, 10)));

        var errors = await ErrorsAsync(new ReportListQuery("Everything", 0, 0), "sv");

        Assert.Equal(["page", "pageSize", "scope"], errors.Keys.Order());
        Assert.Equal([Text("sv", "validation.range", 1, ReportListQueryValidator.DefaultMaxPage)], errors["page"]);
        Assert.Equal(["page"], (await ErrorsAsync(new ReportListQuery(null, ReportListQueryValidator.DefaultMaxPage + 1, 10))).Keys);
        Assert.Equal(ListScope.Inbox, ReportListQueryValidator.ScopeOf("INBOX"));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task The_phenomenon_register_and_the_import_reports_page_by_the_shared_rule(string language)
    {
        var range = (int max) => new[] { Text(language, "validation.range", 1, max) };
        var maxPage = ImportRunQueryValidator.DefaultMaxPage;

        var register = await ErrorsAsync(new PhenomenonListQuery(null, null, null, Page: 0, PageSize: 201), language);
        var imports = await ErrorsAsync(new ImportRunQuery(maxPage + 1, 0), language);

        Assert.Equal(["page", "pageSize"], register.Keys.Order());
        Assert.Equal(range(maxPage), register["page"]);
        Assert.Equal(range(200), register["pageSize"]);
        Assert.Equal(["page", "pageSize"], imports.Keys.Order());
        Assert.Equal(range(maxPage), imports["page"]);
        Assert.Empty(await ErrorsAsync(new PhenomenonListQuery(null, null, null, Page: maxPage, PageSize: 200)));
        Assert.Empty(await ErrorsAsync(new ImportRunQuery(null, null)));
    }

    [Fact]
    public async Task Report_export_query_checks_the_year()
    {
        Assert.Empty(await ErrorsAsync(new ReportExportQuery("Mine", 2026)));
        Assert.Equal([Text("fi", "validation.range", 2000, 2100)], (await ErrorsAsync(new ReportExportQuery(null, 1999)))["year"]);
    }
}
