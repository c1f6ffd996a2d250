using Rake.BuildingBlocks.Contracts;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Features.AddPlanned;
using Rake.Modules.Communications.Features.ListDeliveries;
using Rake.Modules.Communications.Features.ListPublications;
using Rake.Modules.Communications.Features.Mail;
using Rake.Modules.Communications.Features.Plan;
using Rake.Modules.Communications.Features.Publications;
using Rake.Modules.Communications.Features.RecordAttendance;
using Rake.Modules.Communications.Features.SavePlan;
using Rake.Modules.Communications.Features.ScheduleInfoSession;
using Rake.Modules.Communications.Features.SendToList;
using Rake.Modules.Communications.Features.SetPlannedStatus;
using static Rake.Modules.Communications.Tests.TestServices;

namespace Rake.Modules.Communications.Tests;

/// <summary>
/// Each request validator through <c>RequestChecks</c>, as the endpoint filter, the pages and the workflow activities run
/// it: every field in camelCase, every message from the text catalog in the caller's language, a valid request passes.
/// </summary>
public sealed class ValidatorTests : IAsyncLifetime
{
    private readonly TestServices services = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static readonly PublicationRequest ValidPublication = new("News", "Intranet", "sv", " Otsikko ", null, "Teksti", null);

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_publication_names_each_bad_field_in_the_callers_language(string language)
    {
        var errors = await services.ErrorsAsync(
            new PublicationRequest("Poster", " ", "de", "  ", new string('s', Publication.SummaryMax + 1), null, null), language);

        var kinds = string.Join(", ", Enum.GetNames<PublicationKind>());
        Assert.Equal([Text(language, "communications.validation.oneOf", kinds)], errors["kind"]);
        Assert.Equal([Text(language, "validation.required")], errors["channel"]);
        Assert.Equal([Text(language, "communications.validation.language")], errors["language"]);
        Assert.Equal([Text(language, "validation.required")], errors["title"]);
        Assert.Equal([Text(language, "validation.tooLong", Publication.SummaryMax, Publication.SummaryMax + 1)], errors["summary"]);
        Assert.Equal([Text(language, "validation.required")], errors["body"]);
        Assert.Equal(["body", "channel", "kind", "language", "summary", "title"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.NotEqual(Text("fi", "validation.required"), Text("sv", "validation.required"));
    }

    [Fact]
    public async Task A_valid_publication_passes_and_a_number_is_no_kind()
    {
        Assert.Empty(await services.ErrorsAsync(ValidPublication));
        Assert.Empty(await services.ErrorsAsync(ValidPublication with { Kind = "halfyearcompilation", Language = null }));
        Assert.Contains("kind", (await services.ErrorsAsync(ValidPublication with { Kind = "1" })).Keys);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task List_filters_must_name_a_status_or_channel(string language)
    {
        var errors = await services.ErrorsAsync(new PublicationPageQuery(null, "Lost", "Radio", 0, 0), language);

        Assert.Equal([Text(language, "communications.validation.oneOf", string.Join(", ", Enum.GetNames<PublicationStatus>()))],
            errors["status"]);
        Assert.Equal([Text(language, "communications.validation.oneOf", string.Join(", ", Enum.GetNames<PublicationChannel>()))],
            errors["channel"]);
        Assert.Equal([Text(language, "validation.range", 1, PublicationPageQueryValidator.DefaultMaxPage)], errors["page"]);
        Assert.Equal([Text(language, "validation.range", 1, PageRequest.MaxPageSize)], errors["pageSize"]);
        Assert.Empty(await services.ErrorsAsync(new PublicationPageQuery(null, null, "website", null, null)));
        Assert.Equal(["status"], (await services.ErrorsAsync(new ListDeliveriesQuery("Lost"), language)).Keys);
        Assert.Empty(await services.ErrorsAsync(new ListDeliveriesQuery("failed")));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task Plan_rows_are_checked_one_by_one_and_counted(string language)
    {
        var tooLong = new string('g', PlanRow.TextMax + 1);
        var errors = await services.ErrorsAsync(new PlanRequest(
        [
            new PlanRowDto("Henkilöstö", ["Tieto"], ["Intranet"]),
            new PlanRowDto(" ", [" ", ""], [tooLong]),
        ]), language);

        Assert.Equal([Text(language, "validation.required")], errors["rows[1].targetGroup"]);
        Assert.Equal([Text(language, "validation.required")], errors["rows[1].goals"]);
        Assert.Equal([Text(language, "validation.tooLong", PlanRow.TextMax, PlanRow.TextMax + 1)], errors["rows[1].channels"]);
        Assert.Equal(3, errors.Count);

        var many = Enumerable.Range(0, PlanRequestValidator.MaxRows + 1).Select(i => new PlanRowDto($"R{i}", ["g"], ["c"])).ToList();
        Assert.Equal([Text(language, "validation.tooLong", PlanRequestValidator.MaxRows, many.Count)],
            (await services.ErrorsAsync(new PlanRequest(many), language))["rows"]);
        Assert.Empty(await services.ErrorsAsync(new PlanRequest(many[..PlanRequestValidator.MaxRows])));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_planned_communication_and_its_status(string language)
    {
        var errors = await services.ErrorsAsync(new PlannedRequest(null, "", null, "Intranet", null, null, new string('d', 201)), language);

        Assert.Equal(["audience", "sourceDecision", "what"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([Text(language, "validation.tooLong", PlannedCommunication.ShortMax, 201)], errors["sourceDecision"]);
        Assert.Empty(await services.ErrorsAsync(new PlannedRequest("Tiedote", "Henkilöstö", null, "Intranet", null, null, null)));
        Assert.Equal([Text(language, "validation.required")], (await services.ErrorsAsync(new PlannedStatusRequest(null),
            language))["status"]);
        Assert.Equal(
            [Text(language, "communications.validation.oneOf", string.Join(", ", Enum.GetNames<PlannedStatus>()))],
            (await services.ErrorsAsync(new PlannedStatusRequest("Maybe"), language))["status"]);
        Assert.Empty(await services.ErrorsAsync(new PlannedStatusRequest("done")));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_message_subject_is_one_line(string language)
    {
        var errors = await services.ErrorsAsync(new ListMessageRequest("Kutsu\r\nBcc: kaikki@example.invalid", " "), language);

        Assert.Equal([Text(language, "communications.validation.oneLine")], errors["subject"]);
        Assert.Equal([Text(language, "validation.required")], errors["body"]);
        Assert.Empty(await services.ErrorsAsync(new ListMessageRequest(" Kutsu ", "Tervetuloa.")));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task An_info_session_needs_a_kind_a_title_and_a_plausible_start(string language)
    {
        var errors = await services.ErrorsAsync(new InfoSessionRequest("Party", null, new DateTimeOffset(1999, 12, 31, 0, 0, 0,
            TimeSpan.Zero), null, null), language);

        Assert.Equal(["kind", "startsAt", "title"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([Text(language, "communications.validation.date")], errors["startsAt"]);
        Assert.Equal([Text(language, "validation.required")], (await services.ErrorsAsync(new InfoSessionRequest("StaffInfo", "Info", null,
            null, null), language))["startsAt"]);
        Assert.Empty(await services.ErrorsAsync(new InfoSessionRequest("sectorinfo", "Info", DateTimeOffset.UtcNow, "Teams",
            "*Aineisto*")));
    }

    [Theory]
    [InlineData("fi", null)]
    [InlineData("sv", -1)]
    [InlineData("fi", AttendanceRequestValidator.MaxAttendance + 1)]
    public async Task Attendance_is_a_count_within_range(string language, int? attendance)
    {
        var errors = await services.ErrorsAsync(new AttendanceRequest(attendance), language);

        Assert.Equal([Text(language, "validation.range", 0, AttendanceRequestValidator.MaxAttendance)], errors["attendance"]);
        Assert.Empty(await services.ErrorsAsync(new AttendanceRequest(0)));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_distribution_list_names_each_bad_address_by_its_place(string language)
    {
        var errors = await services.ErrorsAsync(new DistributionListRequest("Lista", null,
            [new ListMemberDto("ok@example.invalid", null), new ListMemberDto("Eve <eve@example.invalid>", null), new ListMemberDto(" ",
                "Tyhjä")]), language);

        Assert.Equal([Text(language, "communications.validation.email", "Eve <eve@example.invalid>")], errors["members[1].email"]);
        Assert.Equal([Text(language, "communications.validation.email", "")], errors["members[2].email"]);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public async Task A_list_counts_distinct_addresses_against_the_limit()
    {
        var members = Enumerable.Range(0,
            DistributionListRequestValidator.MaxMembers + 1).Select(i => new ListMemberDto($"m{i}@example.invalid", null)).ToList();

        var errors = await services.ErrorsAsync(new DistributionListRequest("Iso", null, members));

        Assert.Equal([Text("fi", "validation.tooLong", DistributionListRequestValidator.MaxMembers, members.Count)], errors["members"]);
        var duplicates = members.Take(DistributionListRequestValidator.MaxMembers).Append(new ListMemberDto("M0@EXAMPLE.INVALID",
            null)).ToList();
        Assert.Empty(await services.ErrorsAsync(new DistributionListRequest("Iso", null, duplicates)));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_list_name_is_free_among_the_regions_other_lists_only(string language)
    {
        var existing = new DistributionList { Id = Guid.CreateVersion7(), Name = "Työryhmä" };
        services.Db.Lists.Add(existing);
        await services.Db.SaveChangesAsync();

        var taken = await services.ErrorsAsync(new DistributionListRequest(" Työryhmä ", null, []), language);

        Assert.Equal([Text(language, "communications.list.nameTaken", "Työryhmä")], taken["name"]);
        Assert.Empty(await services.ErrorsAsync(new DistributionListRequest("Työryhmä", null, []) { ListId = existing.Id }));
        var renamedTo = new DistributionListRequest("Työryhmä", null, []) { ListId = Guid.CreateVersion7() };
        Assert.Contains("name", (await services.ErrorsAsync(renamedTo)).Keys);
        // Another region's list of the same name is not seen: the DbContext is region-scoped.
        Assert.Empty(await services.ErrorsAsync(new DistributionListRequest("Työryhmä", null, []), region: "kymenlaakso"));
    }
}
