namespace Rake.Modules.Reporting.Features;

/// <summary>
/// Who may use which of Reporting's use cases (docs/adr/0086): each requirement is declared once here, put on its endpoint
/// and demanded by the page that calls the same handler. Rules that depend on a stored report (its reporter, its
/// supervisor, whether it is published) stay with the report (<see cref="ReportRules"/>).
/// </summary>
internal static class ReportingRoles
{
    /// <summary>Everyone who prepares, decides or communicates the region's outputs: summaries, compilations, drafts.</summary>
    public static readonly RegionRole[] SummaryRoles =
    [
        RegionRole.ResponsiblePerson, RegionRole.Supervisor, RegionRole.WorkingGroupMember, RegionRole.SteeringGroupMember,
        RegionRole.Communications, RegionRole.Planner, RegionRole.RegionAdmin,
    ];

    public static readonly RegionRole[] CommentRoles = [RegionRole.WorkingGroupMember, RegionRole.ResponsiblePerson];
    public static readonly RegionRole[] DecisionRoles = [RegionRole.SteeringGroupMember, RegionRole.ResponsiblePerson];

    public static readonly RegionRoleRequirement Summary = new("reporting.summary.forbidden", SummaryRoles);

    public static readonly RegionRoleRequirement Admin = new("reporting.admin.forbidden", [RegionRole.RegionAdmin]);

    public static readonly RegionRoleRequirement ExportRecords =
        new("reporting.export.forbidden", [RegionRole.Supervisor, RegionRole.ResponsiblePerson]);

    /// <summary>Anyone who may add some kind of compilation note; the kind narrows it (<see cref="CompilationNote"/>).</summary>
    public static readonly RegionRoleRequirement CompilationNotes =
        new("reporting.compilation.noteForbidden", [.. CommentRoles.Union(DecisionRoles)]);

    public static readonly RegionRoleRequirement CommentNote = new("reporting.compilation.noteForbidden", CommentRoles);
    public static readonly RegionRoleRequirement DecisionNote = new("reporting.compilation.noteForbidden", DecisionRoles);

    /// <summary>The phenomenon register is read by everyone who prepares or decides the outputs (docs/adr/0162).</summary>
    public static readonly RegionRoleRequirement PhenomenaRead = new("reporting.phenomena.forbidden", SummaryRoles);

    /// <summary>The supervisor links while handling, the working group while compiling, the responsible person throughout.</summary>
    public static readonly RegionRoleRequirement PhenomenaEdit = new("reporting.phenomena.editForbidden",
        [RegionRole.Supervisor, RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember, RegionRole.SteeringGroupMember]);

    public static readonly RegionRoleRequirement PhenomenonLead = new("reporting.phenomenon.forbidden", [RegionRole.ResponsiblePerson]);

    public static readonly RegionRoleRequirement PhenomenonInput =
        new("reporting.phenomenon.inputForbidden", [RegionRole.WorkingGroupMember, RegionRole.ResponsiblePerson]);

    public static readonly RegionRoleRequirement PhenomenonDecide =
        new("reporting.phenomenon.decideForbidden", [RegionRole.SteeringGroupMember]);

    public static readonly RegionRoleRequirement Publish =
        new("reporting.annual.publishForbidden", [RegionRole.Communications, RegionRole.ResponsiblePerson]);

    public static readonly RegionRoleRequirement AnnualEdit =
        new("reporting.annual.editForbidden", [RegionRole.ResponsiblePerson, RegionRole.Planner]);

    public static readonly RegionRoleRequirement AnnualApprove =
        new("reporting.annual.approveForbidden", [RegionRole.SteeringGroupMember]);

    /// <summary>An annual report that is not yet published is for the people who prepare and decide it.</summary>
    public static readonly RegionRoleRequirement AnnualDrafts = new("reporting.annual.readForbidden", SummaryRoles);

    public static readonly RegionRoleRequirement Import =
        new("reporting.import.forbidden", [RegionRole.ResponsiblePerson, RegionRole.RegionAdmin]);

    /// <summary>A steering-group decision needs a decider; a working-group comment a member of the working group.</summary>
    public static RegionRoleRequirement CompilationNote(CompilationNoteKind kind) =>
        kind == CompilationNoteKind.SteeringGroupDecision ? DecisionNote : CommentNote;
}
