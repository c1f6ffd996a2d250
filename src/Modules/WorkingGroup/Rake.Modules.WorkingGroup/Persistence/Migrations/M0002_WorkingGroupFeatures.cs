using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.WorkingGroup.Persistence.Migrations;

/// <summary>Bodies, members, meetings, agendas, decisions, proposals, assignments, nominations and budget proposals (written by hand, docs/adr/0003).</summary>
[DbContext(typeof(WorkingGroupDbContext))]
[Migration("20261122000002_WorkingGroupFeatures")]
internal sealed class M0002_WorkingGroupFeatures : Migration
{
    private const string Schema = WorkingGroupDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        var s = mb.SchemaFor(Schema);
        var instant = mb.InstantColumnType();
        string T(string table) => mb.TableFor(Schema, table);
        const int E = WorkingGroupDbContext.EnumMax;

        mb.CreateTable(T("Bodies"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Kind = t.Column<string>(maxLength: E, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Bodies")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Bodies")}_RegionCode_Name", T("Bodies"), ["RegionCode", "Name"], s, unique: true);

        mb.CreateTable(T("Members"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            BodyId = t.Column<Guid>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: true),
            UserId = t.Column<Guid>(nullable: true),
            UserName = t.Column<string>(maxLength: 256, nullable: true),
            Role = t.Column<string>(maxLength: E, nullable: false),
            TermStart = t.Column<DateOnly>(nullable: false),
            TermEnd = t.Column<DateOnly>(nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Members")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Members")}_RegionCode_BodyId", T("Members"), ["RegionCode", "BodyId"], s);

        mb.CreateTable(T("Meetings"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            BodyId = t.Column<Guid>(nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            StartsAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            EndsAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            Location = t.Column<string>(maxLength: 200, nullable: true),
            OnlineUrl = t.Column<string>(maxLength: 500, nullable: true),
            Status = t.Column<string>(maxLength: E, nullable: false),
            Minutes = t.Column<string>(maxLength: 4000, nullable: true),
            Sequence = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            UpdatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            SourceKey = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Meetings")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Meetings")}_RegionCode_BodyId_StartsAt", T("Meetings"), ["RegionCode", "BodyId", "StartsAt"], s);
        mb.CreateIndex($"IX_{T("Meetings")}_RegionCode_SourceKey", T("Meetings"), ["RegionCode", "SourceKey"], s, unique: true);

        mb.CreateTable(T("AgendaItems"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: E, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Notes = t.Column<string>(maxLength: 4000, nullable: true),
            SourceKey = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("AgendaItems")}", x => x.Id));
        mb.CreateIndex($"IX_{T("AgendaItems")}_RegionCode_MeetingId", T("AgendaItems"), ["RegionCode", "MeetingId"], s);
        mb.CreateIndex($"IX_{T("AgendaItems")}_RegionCode_SourceKey", T("AgendaItems"), ["RegionCode", "SourceKey"], s, unique: true);

        mb.CreateTable(T("Attendance"), schema: s, columns: t => new
        {
            MeetingId = t.Column<Guid>(nullable: false),
            MemberId = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Present = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Attendance")}", x => new { x.MeetingId, x.MemberId }));

        mb.CreateTable(T("Decisions"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            MeetingId = t.Column<Guid>(nullable: false),
            Phenomenon = t.Column<string>(maxLength: 200, nullable: false),
            Outcome = t.Column<string>(maxLength: E, nullable: false),
            Text = t.Column<string>(maxLength: 4000, nullable: false),
            ResponsiblePerson = t.Column<string>(maxLength: 200, nullable: false),
            ReportNumbers = t.Column<string>(maxLength: 1000, nullable: false),
            DecidedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            SourceKey = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Decisions")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Decisions")}_RegionCode_MeetingId", T("Decisions"), ["RegionCode", "MeetingId"], s);
        mb.CreateIndex($"IX_{T("Decisions")}_RegionCode_SourceKey", T("Decisions"), ["RegionCode", "SourceKey"], s, unique: true);

        mb.CreateTable(T("ActionProposals"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            MeetingId = t.Column<Guid>(nullable: true),
            DecisionId = t.Column<Guid>(nullable: true),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: true),
            TargetKind = t.Column<string>(maxLength: E, nullable: false),
            Target = t.Column<string>(maxLength: 200, nullable: false),
            Status = t.Column<string>(maxLength: E, nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("ActionProposals")}", x => x.Id));
        mb.CreateIndex($"IX_{T("ActionProposals")}_RegionCode_MeetingId", T("ActionProposals"), ["RegionCode", "MeetingId"], s);

        mb.CreateTable(T("Assignments"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            MeetingId = t.Column<Guid>(nullable: true),
            DecisionId = t.Column<Guid>(nullable: true),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            AssigneeId = t.Column<Guid>(nullable: false),
            AssigneeUserName = t.Column<string>(maxLength: 256, nullable: false),
            AssigneeName = t.Column<string>(maxLength: 200, nullable: false),
            DueDate = t.Column<DateOnly>(nullable: false),
            Status = t.Column<string>(maxLength: E, nullable: false),
            FollowUp = t.Column<string>(maxLength: 4000, nullable: true),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            CompletedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Assignments")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Assignments")}_RegionCode_AssigneeId", T("Assignments"), ["RegionCode", "AssigneeId"], s);
        mb.CreateIndex($"IX_{T("Assignments")}_RegionCode_MeetingId", T("Assignments"), ["RegionCode", "MeetingId"], s);

        mb.CreateTable(T("WellbeingGroupNominations"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Municipality = t.Column<string>(maxLength: 200, nullable: false),
            GroupName = t.Column<string>(maxLength: 200, nullable: false),
            MemberName = t.Column<string>(maxLength: 200, nullable: false),
            DeputyName = t.Column<string>(maxLength: 200, nullable: true),
            DecidedBy = t.Column<string>(maxLength: 200, nullable: false),
            DecidedOn = t.Column<DateOnly>(nullable: false),
            ReviewDue = t.Column<DateOnly>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("WellbeingGroupNominations")}", x => x.Id));
        mb.CreateIndex($"IX_{T("WellbeingGroupNominations")}_RegionCode_Municipality", T("WellbeingGroupNominations"), ["RegionCode", "Municipality"], s);

        mb.CreateTable(T("BudgetProposals"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Year = t.Column<int>(nullable: false),
            DecisionId = t.Column<Guid>(nullable: true),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Justification = t.Column<string>(maxLength: 4000, nullable: false),
            ServiceArea = t.Column<string>(maxLength: 200, nullable: false),
            Amount = t.Column<decimal>(precision: 12, scale: 2, nullable: false),
            Status = t.Column<string>(maxLength: E, nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("BudgetProposals")}", x => x.Id));
        mb.CreateIndex($"IX_{T("BudgetProposals")}_RegionCode_Year", T("BudgetProposals"), ["RegionCode", "Year"], s);
    }
}
