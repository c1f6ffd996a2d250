using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Web;
using Rake.Modules.WorkingGroup.Domain;
using Rake.Modules.WorkingGroup.Features;
using Rake.Modules.WorkingGroup.Features.AddAgendaItem;
using Rake.Modules.WorkingGroup.Features.AddAssignment;
using Rake.Modules.WorkingGroup.Features.AddProposal;
using Rake.Modules.WorkingGroup.Features.Budget;
using Rake.Modules.WorkingGroup.Features.CreateBody;
using Rake.Modules.WorkingGroup.Features.ListMeetings;
using Rake.Modules.WorkingGroup.Features.MyAssignments;
using Rake.Modules.WorkingGroup.Features.Nominations;
using Rake.Modules.WorkingGroup.Features.RecordDecision;
using Rake.Modules.WorkingGroup.Features.RecordMinutes;
using Rake.Modules.WorkingGroup.Features.ScheduleMeeting;
using Rake.Modules.WorkingGroup.Features.UpdateAssignment;
using Rake.Modules.WorkingGroup.Features.UpdateMeeting;

namespace Rake.Modules.WorkingGroup.Tests;

/// <summary>
/// Each use case's validator through <c>RequestChecks</c>, as the endpoint filter, the pages and the activities run it:
/// every field error at once, named as callers send the field, in the caller's language (Finnish and Swedish here).
/// </summary>
public sealed class ValidatorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Later = WgTestServices.Now.AddDays(7);
    private readonly WgTestServices services = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await services.DisposeAsync();

    private static string Text(string language, string key, params object[] args) => WgTestServices.Texts.GetIn(language, key, args);

    private static void AssertFields(IReadOnlyDictionary<string, string[]> errors, params string[] fields) =>
        Assert.Equal(fields.Order(), errors.Keys.Order());

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_body_needs_a_known_kind_a_name_and_a_name_not_taken(string language)
    {
        var errors = await services.ErrorsAsync(new CreateBodyRequest("Committee", " ", null), language);

        AssertFields(errors, "kind", "name");
        Assert.Equal([Text(language, "wg.validation.oneOf", "WorkingGroup, SteeringGroup, CoordinationTeam, Network")], errors["kind"]);
        Assert.Equal([Text(language, "validation.required")], errors["name"]);

        await services.SeedAsync(db => db.Bodies.Add(
            new Body { Id = Guid.NewGuid(), Kind = BodyKind.Network, Name = "Verkosto", CreatedAt = Later }));
        var taken = await services.ErrorsAsync(new CreateBodyRequest("Network", " Verkosto ", null), language);
        Assert.Equal([Text(language, "wg.validation.nameTaken", "Verkosto")], taken["name"]);
        Assert.Empty(await services.ErrorsAsync(new CreateBodyRequest("networK", "Toinen verkosto", "Kuvaus")));
    }

    [Fact]
    public async Task Finnish_and_swedish_messages_differ_so_the_language_is_really_chosen()
    {
        var fi = await services.ErrorsAsync(new CreateBodyRequest(null, null, null), "fi");
        var sv = await services.ErrorsAsync(new CreateBodyRequest(null, null, null), "sv");

        Assert.Equal("Kenttä on pakollinen.", fi["name"][0]);
        Assert.Equal("Fältet är obligatoriskt.", sv["name"][0]);
    }

    [Fact]
    public async Task A_number_is_no_enum_name_and_text_over_the_limit_is_refused_with_both_lengths()
    {
        var errors = await services.ErrorsAsync(new CreateBodyRequest("1", new string('x', Limits.Name + 1), null));

        Assert.Equal([Text("fi", "wg.validation.oneOf", "WorkingGroup, SteeringGroup, CoordinationTeam, Network")], errors["kind"]);
        Assert.Equal([Text("fi", "validation.tooLong", Limits.Name, Limits.Name + 1)], errors["name"]);
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_member_needs_a_role_a_term_that_ends_after_it_starts_and_a_person_of_this_region(string language)
    {
        var errors = await services.ErrorsAsync(
            new MemberRequest(null, null, WgTestServices.Outsider.UserName, "King",
                new DateOnly(2026, 5, 1), new DateOnly(2026, 1, 1)), language);

        AssertFields(errors, "role", "termEnd", "userName");
        Assert.Equal([Text(language, "wg.validation.unknownUser", WgTestServices.Outsider.UserName)], errors["userName"]);
        Assert.Equal([Text(language, "wg.validation.termEndBeforeStart")], errors["termEnd"]);
        // Without a user account the member is named.
        AssertFields(await services.ErrorsAsync(new MemberRequest(" ", null, null, "Chair", null, null)), "name", "termStart");
        Assert.Empty(await services.ErrorsAsync(
            new MemberRequest(null, "Jäsen", WgTestServices.Member.UserName, "member", new DateOnly(2026, 1, 1), null)));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task The_meeting_and_assignment_lists_refuse_a_page_outside_the_shared_paging_rule(string language)
    {
        var range = (int max) => new[] { Text(language, "validation.range", 1, max) };
        var max = RequestValidator<MeetingListQuery>.DefaultMaxPage;

        var meetings = await services.ErrorsAsync(new MeetingListQuery(null, null, null, 0, PageRequest.MaxPageSize + 1), language);
        var assignments = await services.ErrorsAsync(new AssignmentPageQuery(null, null, max + 1, 0), language);

        AssertFields(meetings, "page", "pageSize");
        Assert.Equal(range(max), meetings["page"]);
        Assert.Equal(range(PageRequest.MaxPageSize), meetings["pageSize"]);
        AssertFields(assignments, "page", "pageSize");
        Assert.Equal(range(max), assignments["page"]);
        Assert.Equal(range(PageRequest.MaxPageSize), assignments["pageSize"]);
        // Nothing sent is the list's default; both ends of each range are accepted.
        Assert.Empty(await services.ErrorsAsync(new MeetingListQuery(null, null, null, null, null)));
        Assert.Empty(await services.ErrorsAsync(new MeetingListQuery(null, null, null, max, PageRequest.MaxPageSize)));
        Assert.Empty(await services.ErrorsAsync(new AssignmentPageQuery(null, null, 1, 1)));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_meeting_needs_a_title_a_start_an_https_link_and_a_sensible_length(string language)
    {
        var errors = await services.ErrorsAsync(new ScheduleMeetingRequest("", null, 5, null, "http://teams.example/x"), language);

        AssertFields(errors, "durationMinutes", "onlineUrl", "startsAt", "title");
        Assert.Equal([Text(language, "wg.validation.https")], errors["onlineUrl"]);
        Assert.Equal([Text(language, "validation.range", 15, 720)], errors["durationMinutes"]);
        var nowhere = await services.ErrorsAsync(new ScheduleMeetingRequest("Kokous", Later, null, " ", null), language);
        Assert.Equal([Text(language, "wg.validation.placeOrLink")], nowhere["location"]);
        Assert.Empty(await services.ErrorsAsync(new ScheduleMeetingRequest("Kokous", Later, null, "Teams", null)));
        Assert.Empty(await services.ErrorsAsync(new ScheduleMeetingRequest("Kokous", Later, 720, null, "https://teams.example/x")));
    }

    [Fact]
    public async Task A_moved_meeting_may_keep_its_place_empty_but_not_its_title()
    {
        AssertFields(await services.ErrorsAsync(new UpdateMeetingRequest(" ", null, 721, null, "ftp://x")),
            "durationMinutes", "onlineUrl", "startsAt", "title");
        Assert.Empty(await services.ErrorsAsync(new UpdateMeetingRequest("Kokous", Later, null, null, null)));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task An_agenda_item_without_a_kind_is_other_but_a_blank_or_unknown_kind_is_refused(string language)
    {
        Assert.Empty(await services.ErrorsAsync(new AddAgendaItemRequest(null, "Muut asiat", null)));
        var blank = await services.ErrorsAsync(new AddAgendaItemRequest(" ", "x", null), language);
        Assert.Equal([Text(language, "validation.required")], blank["kind"]);
        var errors = await services.ErrorsAsync(new AddAgendaItemRequest("Gossip", null, new string('x', Limits.Text + 1)), language);
        AssertFields(errors, "kind", "notes", "title");
    }

    [Fact]
    public async Task Minutes_are_limited_in_length()
    {
        AssertFields(await services.ErrorsAsync(new RecordMinutesRequest(new string('x', Limits.Text + 1), [])), "minutes");
        Assert.Empty(await services.ErrorsAsync(new RecordMinutesRequest(null, null)));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_decision_names_known_reports_and_a_responsible_person_unless_it_only_notes(string language)
    {
        var errors = await services.ErrorsAsync(new RecordDecisionRequest("x", "FollowUpAction", "y", null, [3, 987654, 987654]), language);

        AssertFields(errors, "reportNumbers", "responsiblePerson");
        Assert.Equal([Text(language, "wg.validation.unknownReports", "987654")], errors["reportNumbers"]);
        var tooMany = await services.ErrorsAsync(new RecordDecisionRequest("x", "Noted", "y", null,
            Enumerable.Range(1, 101).ToList()), language);
        Assert.Equal([Text(language, "wg.validation.tooManyReports", 100)], tooMany["reportNumbers"]);
        // An unknown outcome is not "noted", so the responsible person is asked for too (as before the slices).
        AssertFields(await services.ErrorsAsync(new RecordDecisionRequest(null, "Maybe", null, null, null)),
            "outcome", "phenomenon", "responsiblePerson", "text");
        Assert.Empty(await services.ErrorsAsync(new RecordDecisionRequest("x", "noted", "y", null, [1, 2])));
    }

    [Fact]
    public async Task A_proposal_needs_a_title_a_target_kind_and_a_target()
    {
        AssertFields(await services.ErrorsAsync(new AddProposalRequest(null, null, "Moon", null, null)), "target", "targetKind", "title");
        Assert.Empty(await services.ErrorsAsync(new AddProposalRequest("Lisää paikkoja", null,
            nameof(ProposalTarget.BudgetProposal), "Talous", null)));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task An_assignment_goes_to_a_person_of_this_region_by_a_due_date(string language)
    {
        var errors = await services.ErrorsAsync(new AddAssignmentRequest("Tee", WgTestServices.Outsider.UserName, null, null), language);

        AssertFields(errors, "assignee", "dueDate");
        Assert.Equal([Text(language, "wg.validation.unknownUser", WgTestServices.Outsider.UserName)], errors["assignee"]);
        Assert.Equal([Text(language, "validation.required")], errors["dueDate"]);
        Assert.Empty(await services.ErrorsAsync(new AddAssignmentRequest("Tee", WgTestServices.Member.UserName,
            new DateOnly(2026, 4, 1), null)));
    }

    [Fact]
    public async Task A_follow_up_needs_a_known_status()
    {
        AssertFields(await services.ErrorsAsync(new UpdateAssignmentRequest("Finished", null)), "status");
        Assert.Empty(await services.ErrorsAsync(new UpdateAssignmentRequest("done", "Valmis.")));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_nomination_is_decided_by_today_and_its_deputy_is_someone_else(string language)
    {
        var errors = await services.ErrorsAsync(new NominateRequest("Kajaani", "HYTETU", "Maija Meikäläinen", "maija meikäläinen",
            "Palvelualuepäällikkö", new DateOnly(2026, 3, 16)), language);

        AssertFields(errors, "decidedOn", "deputyName");
        Assert.Equal([Text(language, "wg.validation.notInFuture")], errors["decidedOn"]);
        Assert.Equal([Text(language, "wg.validation.deputySame")], errors["deputyName"]);
        Assert.Empty(await services.ErrorsAsync(new NominateRequest("Kajaani", "HYTETU", "Maija", "Matti",
            "Päällikkö", new DateOnly(2026, 3, 15))));
    }

    [Theory]
    [InlineData("fi")]
    [InlineData("sv")]
    public async Task A_budget_proposal_is_for_the_next_budget_rounds_with_a_whole_cent_amount_on_a_known_decision(string language)
    {
        var errors = await services.ErrorsAsync(new ProposeBudgetRequest(2025, "Tuettu asuminen", "x", "Aikuiset",
            10.005m, Guid.NewGuid()), language);

        AssertFields(errors, "amount", "decisionId", "year");
        Assert.Equal([Text(language, "validation.range", 2026, 2028)], errors["year"]);
        Assert.Equal([Text(language, "wg.validation.amount")], errors["amount"]);
        Assert.Equal([Text(language, "wg.validation.unknownDecision")], errors["decisionId"]);

        var decision = new Decision
        {
            Id = Guid.NewGuid(),
            MeetingId = Guid.NewGuid(),
            Phenomenon = "p",
            Text = "t",
            DecidedAt = WgTestServices.Now
        };
        await services.SeedAsync(db => db.Decisions.Add(decision));
        Assert.Empty(await services.ErrorsAsync(new ProposeBudgetRequest(2028, "Tuettu asuminen", "x", "Aikuiset", 1500.50m, decision.Id)));
        AssertFields(await services.ErrorsAsync(new ProposeBudgetRequest(null, null, null, null, null, null)),
            "amount", "decisionId", "justification", "serviceArea", "title", "year");
    }
}
