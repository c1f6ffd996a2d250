using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Domain;

internal enum CompilationNoteKind
{
    /// <summary>The RAKE working group's comment on a compilation (Kymenlaakso: working group comments, then the steering group
    /// decides).</summary>
    WorkingGroupComment,

    /// <summary>The steering group's decision on a phenomenon: where handling continues, follow-up actions, responsible persons.</summary>
    SteeringGroupDecision,
}

/// <summary>A comment or decision attached to a period's compilation as it arrives; the compilation document shows them.</summary>
internal sealed class CompilationNote : IRegionOwned
{
    public const int TextMax = 4000;
    public const int PeriodIdMax = 20;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string PeriodId { get; set; } = "";
    public CompilationNoteKind Kind { get; set; }

    /// <summary>The report (phenomenon) the note is about, or null for the compilation as a whole.</summary>
    public int? ReportNumber { get; set; }

    public string Text { get; set; } = "";
    public string? ResponsiblePerson { get; set; }
    public string Author { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

internal enum AnnualReportStatus
{
    Draft,
    Approved,
    Published,
}

/// <summary>
/// The annual social report (sosiaalinen raportti) of one year. Its figures are computed from the stored reports each time
/// it is shown or exported; only the narrative sections and the approval trail are stored.
/// </summary>
internal sealed class AnnualSocialReport : IRegionOwned
{
    public const int SectionMax = 20000;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public int Year { get; set; }
    public AnnualReportStatus Status { get; set; }
    public string Introduction { get; set; } = "";
    public string ActionsTaken { get; set; } = "";

    /// <summary>The evaluation of the implementation plan; a narrative until Planning's contract offers the evaluation (ADR
    /// 0050).</summary>
    public string PlanEvaluation { get; set; } = "";

    public string Conclusions { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>
    /// The figures as they were at publication, in every UI language (JSON), so a published report says what was published
    /// even when reports of its year are imported or corrected later (docs/adr/0137). Null until published.
    /// </summary>
    public string? FrozenFigures { get; set; }

    /// <summary>The implementation plan's follow-up as it was at publication (JSON), for the same reason; null without one.</summary>
    public string? FrozenPlanEvaluation { get; set; }
}

/// <summary>A row of a Questback/Webropol export that became a report; the hash makes a repeated import skip it.</summary>
internal sealed class ImportedRow : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string? SourceRowId { get; set; }
    public string FileName { get; set; } = "";
    public Guid ReportId { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";
}
