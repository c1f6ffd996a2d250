using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Competence.Domain;

/// <summary>An organisational unit staff belong to, for survey aggregates and orientation completion.</summary>
internal sealed class Unit : IRegionOwned
{
    public const int CodeMax = 40;
    public const int NameMax = 200;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>A unit that is wound up is kept, not deleted: past survey totals and completions still name it.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>A competence survey round (osaamiskartoitus): competence areas answered on a 1..ScaleMax scale.</summary>
internal sealed class Survey : IRegionOwned
{
    public const int TitleMax = 200;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Title { get; set; } = "";
    public int Round { get; set; }
    public int ScaleMax { get; set; }
    public SurveyStatus Status { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>The workflow run that launched it, so a retried run launches it once.</summary>
    public string? SourceKey { get; set; }
}

internal enum SurveyStatus
{
    Open,
    Closed,
}

internal sealed class SurveyArea : IRegionOwned
{
    public const int NameMax = 300;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid SurveyId { get; set; }
    public int Position { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>
/// The running total of one competence area in one unit: answers are added to it with an atomic UPDATE and never stored
/// one by one, so no row ties an answer to a person (anonymity by design, docs/adr/0041).
/// </summary>
internal sealed class SurveyTally : IRegionOwned
{
    public Guid SurveyId { get; set; }
    public string UnitCode { get; set; } = "";
    public string AreaCode { get; set; } = "";
    public string RegionCode { get; set; } = "";
    public int Count { get; set; }
    public int Sum { get; set; }
}

/// <summary>Only the fact that a person has answered a survey, so nobody answers twice; nothing of what they answered.</summary>
internal sealed class SurveyRespondent : IRegionOwned
{
    public Guid SurveyId { get; set; }
    public Guid UserId { get; set; }
    public string RegionCode { get; set; } = "";
}

/// <summary>An item of the orientation checklist for new staff; structural social work items are marked.</summary>
internal sealed class OrientationItem : IRegionOwned
{
    public const int TextMax = 500;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public int Position { get; set; }
    public string Text { get; set; } = "";
    public bool Structural { get; set; }
    /// <summary>An item taken off the checklist is kept, so the completions people already have stay explained.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>One person's completion of one orientation item, with their unit.</summary>
internal sealed class OrientationCompletion : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid ItemId { get; set; }
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public DateTimeOffset CompletedAt { get; set; }
}

/// <summary>A training material (recording, monthly theme, document) or a training event.</summary>
internal sealed class Training : IRegionOwned
{
    public const int TitleMax = 300;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public TrainingKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Url { get; set; }
    public int? DurationMinutes { get; set; }
    /// <summary>A monthly theme's month (yyyy-MM) or an event's date.</summary>
    public DateOnly? On { get; set; }
}

internal enum TrainingKind
{
    Recording,
    MonthlyTheme,
    Material,
    Event,
}

internal sealed class Participation : IRegionOwned
{
    public Guid TrainingId { get; set; }
    public Guid UserId { get; set; }
    public string RegionCode { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A specialist social worker with the 70-credit structural social work specialisation, and how the region uses them.</summary>
internal sealed class Specialist : IRegionOwned
{
    public const int SpecialisationCredits = 70;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string UnitCode { get; set; } = "";
    public int Credits { get; set; }
    public int? CompletedYear { get; set; }
    public string Use { get; set; } = "";
}

/// <summary>A competence need collected for the region's competence development plan.</summary>
internal sealed class CompetenceNeed : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public int Year { get; set; }
    public string? UnitCode { get; set; }
    public string Text { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
