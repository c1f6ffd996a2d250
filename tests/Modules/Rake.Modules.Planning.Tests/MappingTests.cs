using Rake.BuildingBlocks.Mapping;
using Rake.Modules.Planning.Contracts;
using Rake.Modules.Planning.Domain;
using Rake.Modules.Planning.Features.ListVersions;
using Rake.Modules.Planning.Features.ViewEvaluation;
using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Tests;

/// <summary>Planning's Mapster configuration: it compiles with every DTO member sourced, and the computed fields are right.</summary>
public sealed class MappingTests
{
    private static readonly ModuleMapper<PlanningModule> Mapper = new();

    private static readonly Plan Plan = new()
    {
        Id = Guid.NewGuid(),
        Title = "Toteutussuunnitelma",
        ValidFrom = new DateOnly(2025, 1, 1),
        ValidUntil = new DateOnly(2029, 12, 31),
        UpdateResponsible = "Ohjausryhmä",
        PublishedWebsiteOn = new DateOnly(2025, 2, 1),
        WebsiteUrl = "https://example.fi",
        CurrentVersion = 3,
    };

    [Fact]
    public void The_configuration_compiles_with_every_destination_member_sourced()
    {
        Assert.True(Mapper.Config.RequireDestinationMemberSource);
        Mapper.Config.Compile();
        Mapper.Config.CompileProjection();
    }

    [Fact]
    public void A_plan_lists_every_template_section_in_order_approvals_by_date_and_actions_by_year_then_position()
    {
        var goalA = new PlanGoal { Id = Guid.NewGuid(), Position = 2, Title = "Viestintä" };
        var goalB = new PlanGoal { Id = Guid.NewGuid(), Position = 1, Title = "Tiedonkeruu" };
        var approved = new PlanApproval
        {
            Id = Guid.NewGuid(),
            Kind = ApprovalKind.Approved,
            Body = "Ohjausryhmä",
            Approver = "Puheenjohtaja",
            On = new DateOnly(2025, 3, 4),
        };
        var presented = new PlanApproval
        {
            Id = Guid.NewGuid(),
            Kind = ApprovalKind.Presented,
            Body = "Johtoryhmä",
            On = new DateOnly(2025, 1, 20),
        };
        var changedAt = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        PlanAction Action(PlanGoal goal, int position, int? year, string title) =>
            new() { Id = Guid.NewGuid(), GoalId = goal.Id, Position = position, Year = year, Title = title, Responsible = "RAKE" };
        var actions = new[]
        {
            Action(goalB, 1, 2027, "b-2027"), Action(goalB, 2, null, "b-term-2"), Action(goalB, 1, null, "b-term-1"),
            Action(goalA, 1, 2026, "a-2026"),
        };
        actions[0].Status = ActionStatus.Done;
        actions[0].Evidence = "Pöytäkirja";
        actions[0].StatusChangedAt = changedAt;
        var written = new PlanSection { Key = "goals", Content = "Tavoitteet", DevelopmentNeeds = "Lisää" };

        var dto = Mapper.Map<PlanDto>(new PlanContents(Plan, [written], [approved, presented], [goalA, goalB], actions));

        Assert.Equal((Plan.Id, "Toteutussuunnitelma", new DateOnly(2025, 1, 1), new DateOnly(2029, 12, 31), 3),
            (dto.Id, dto.Title, dto.ValidFrom, dto.ValidUntil, dto.CurrentVersion));
        Assert.Equal((new DateOnly(2025, 2, 1), "https://example.fi", (DateOnly?)null, (string?)null),
            (dto.PublishedWebsiteOn, dto.WebsiteUrl, dto.PublishedIntranetOn, dto.IntranetUrl));
        Assert.Equal(PlanSections.Keys, dto.Sections.Select(s => s.Key));
        Assert.Equal(new SectionDto("goals", "Tavoitteet", "Lisää"), dto.Sections.Single(s => s.Key == "goals"));
        Assert.All(dto.Sections.Where(s => s.Key != "goals"), s => Assert.Equal(("", ""), (s.Content, s.DevelopmentNeeds)));
        Assert.Equal([new ApprovalDto(presented.Id, "Presented", "Johtoryhmä", null, new DateOnly(2025, 1, 20)),
            new ApprovalDto(approved.Id, "Approved", "Ohjausryhmä", "Puheenjohtaja", new DateOnly(2025, 3, 4))], dto.Approvals);
        Assert.Equal(["Tiedonkeruu", "Viestintä"], dto.Goals.Select(g => g.Title));
        Assert.Equal(["b-term-1", "b-term-2", "b-2027"], dto.Goals[0].Actions.Select(a => a.Title));
        Assert.Equal(["a-2026"], dto.Goals[1].Actions.Select(a => a.Title));
        var done = dto.Goals[0].Actions[2];
        Assert.Equal(("Done", "Pöytäkirja", changedAt, 2027), (done.Status, done.Evidence, done.StatusChangedAt, done.Year));
        Assert.Equal("NotDone", dto.Goals[0].Actions[0].Status);
    }

    [Fact]
    public void An_evaluation_counts_the_done_actions_names_each_actions_goal_and_orders_the_recorded_evaluations()
    {
        PlanAction Action(ActionStatus status) =>
            new() { Id = Guid.NewGuid(), Title = status.ToString(), Responsible = "RAKE", Status = status, CountsReports = true };
        var actions = new[] { Action(ActionStatus.Done), Action(ActionStatus.InProgress), Action(ActionStatus.Done) };
        PlanEvaluation Evaluation(EvaluationKind kind, int day) => new()
        {
            Year = 2026,
            Kind = kind,
            Text = kind.ToString(),
            ActionsDone = 1,
            ActionsTotal = 3,
            NeedsUpdate = kind == EvaluationKind.Review,
            RecordedAt = new DateTimeOffset(2026, 2, day, 8, 0, 0, TimeSpan.Zero),
            RecordedBy = "system",
        };
        var counts = new[] { new PeriodReportCount("2026-H1", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), 7) };

        var info = Mapper.Map<PlanEvaluationInfo>(new EvaluationContents(Plan, 2026,
            actions.Select((a, i) => new GoalAction(a, $"Tavoite {i + 1}")).ToList(), counts,
            [Evaluation(EvaluationKind.Yearly, 20), Evaluation(EvaluationKind.Review, 3)]));

        Assert.Equal(("Toteutussuunnitelma", new DateOnly(2025, 1, 1), new DateOnly(2029, 12, 31), 2026, 2, 3),
            (info.PlanTitle, info.ValidFrom, info.ValidUntil, info.Year, info.ActionsDone, info.ActionsTotal));
        Assert.Equal(new PlanActionInfo(actions[1].Id, "Tavoite 2", "InProgress", "RAKE", null, "InProgress", null, true), info.Actions[1]);
        Assert.Equal(counts, info.ReportCounts);
        Assert.Equal(["Review", "Yearly"], info.Evaluations.Select(e => e.Kind));
        var recordedAt = new DateTimeOffset(2026, 2, 3, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal(new RecordedEvaluation(2026, "Review", "Review", 1, 3, true, recordedAt, "system"), info.Evaluations[0]);
    }

    [Fact]
    public void A_version_maps_without_its_snapshot()
    {
        var at = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
        var version = new PlanVersion
        {
            Number = 4,
            CreatedAt = at,
            CreatedBy = "planner",
            Note = "Ennen katselmointia",
            Snapshot = "# Plan",
        };
        Assert.Equal(new VersionDto(4, at, "planner", "Ennen katselmointia"), Mapper.Map<VersionDto>(version));
    }
}
