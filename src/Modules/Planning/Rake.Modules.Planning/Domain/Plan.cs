using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Planning.Domain;

/// <summary>The region's implementation plan (toteutussuunnitelma) on THL's national template; one current plan per region.</summary>
internal sealed class Plan : IRegionOwned
{
    public const int TitleMax = 300;
    public const int UrlMax = 500;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidUntil { get; set; }
    /// <summary>Who keeps the plan up to date (Kainuu: the RAKE working group; Kymenlaakso: the steering group).</summary>
    public string UpdateResponsible { get; set; } = "";
    public DateOnly? PublishedIntranetOn { get; set; }
    public DateOnly? PublishedWebsiteOn { get; set; }
    public string? IntranetUrl { get; set; }
    public string? WebsiteUrl { get; set; }
    public int CurrentVersion { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The national template's sections, in order. Each has content and development needs (kehittämistarpeet).</summary>
internal static class PlanSections
{
    public static readonly string[] Keys =
        ["introduction", "updating", "goals", "organisation", "implementation", "competence", "communication", "authors"];
}

internal sealed class PlanSection : IRegionOwned
{
    public const int TextMax = 20000;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid PlanId { get; set; }
    public string Key { get; set; } = "";
    public int Position { get; set; }
    public string Content { get; set; } = "";
    public string DevelopmentNeeds { get; set; } = "";
}

/// <summary>An approval or presentation of the plan: who, which body, when.</summary>
internal sealed class PlanApproval : IRegionOwned
{
    public const int NameMax = 200;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid PlanId { get; set; }
    public ApprovalKind Kind { get; set; }
    public string Body { get; set; } = "";
    public string? Approver { get; set; }
    public DateOnly On { get; set; }
}

internal enum ApprovalKind
{
    Approved,
    Presented,
    ForInformation,
}

internal sealed class PlanGoal : IRegionOwned
{
    public const int TitleMax = 500;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid PlanId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
}

/// <summary>An action of a goal, its responsible party and status ("not done / done") with evidence.</summary>
internal sealed class PlanAction : IRegionOwned
{
    public const int TitleMax = 500;
    public const int ResponsibleMax = 200;
    public const int EvidenceMax = 4000;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid GoalId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    public string Responsible { get; set; } = "";
    /// <summary>The year of a yearly action plan derived from the term plan (Keski-Suomi); null for the whole validity.</summary>
    public int? Year { get; set; }
    /// <summary>Kymenlaakso's Table 1: the action's metric includes the number of reports per reporting period.</summary>
    public bool CountsReports { get; set; }
    public ActionStatus Status { get; set; }
    public string? Evidence { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    public string? StatusChangedBy { get; set; }
}

internal enum ActionStatus
{
    NotDone,
    InProgress,
    Done,
}

/// <summary>A saved version of the plan: the whole plan as text, so two versions can be compared line by line.</summary>
internal sealed class PlanVersion : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid PlanId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public string Note { get; set; } = "";
    public string Snapshot { get; set; } = "";
}

/// <summary>A yearly review, a yearly evaluation or the end-of-term evaluation, with the action counts at the time.</summary>
internal sealed class PlanEvaluation : IRegionOwned
{
    public const int TextMax = 8000;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public int Year { get; set; }
    public EvaluationKind Kind { get; set; }
    public string Text { get; set; } = "";
    public int ActionsDone { get; set; }
    public int ActionsTotal { get; set; }
    public bool NeedsUpdate { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    /// <summary>The workflow instance and activity that recorded it, so a retried run records it once.</summary>
    public string? SourceKey { get; set; }
}

internal enum EvaluationKind
{
    Review,
    Yearly,
    EndOfTerm,
}
