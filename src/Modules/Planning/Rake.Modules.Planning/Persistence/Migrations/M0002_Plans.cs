using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Planning.Persistence.Migrations;

/// <summary>Written by hand (docs/adr/0003): the plan, its sections, approvals, goals, actions, versions and evaluations.</summary>
[DbContext(typeof(PlanningDbContext))]
[Migration("20261122000002_PlanningPlans")]
internal sealed class M0002_Plans : Migration
{
    private const string Schema = PlanningDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        var s = mb.SchemaFor(Schema);
        var instant = mb.InstantColumnType();
        string T(string table) => mb.TableFor(Schema, table);

        mb.CreateTable(T("Plans"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            ValidFrom = t.Column<DateOnly>(nullable: false),
            ValidUntil = t.Column<DateOnly>(nullable: false),
            UpdateResponsible = t.Column<string>(maxLength: 300, nullable: false),
            PublishedIntranetOn = t.Column<DateOnly>(nullable: true),
            PublishedWebsiteOn = t.Column<DateOnly>(nullable: true),
            IntranetUrl = t.Column<string>(maxLength: 500, nullable: true),
            WebsiteUrl = t.Column<string>(maxLength: 500, nullable: true),
            CurrentVersion = t.Column<int>(nullable: false),
            UpdatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Plans")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Plans")}_RegionCode", T("Plans"), "RegionCode", s, unique: true);

        mb.CreateTable(T("Sections"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            Key = t.Column<string>(maxLength: 40, nullable: false),
            Position = t.Column<int>(nullable: false),
            Content = t.Column<string>(maxLength: 20000, nullable: false),
            DevelopmentNeeds = t.Column<string>(maxLength: 20000, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Sections")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Sections")}_RegionCode_PlanId_Key", T("Sections"), ["RegionCode", "PlanId", "Key"], s, unique: true);

        mb.CreateTable(T("Approvals"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Body = t.Column<string>(maxLength: 200, nullable: false),
            Approver = t.Column<string>(maxLength: 200, nullable: true),
            On = t.Column<DateOnly>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Approvals")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Approvals")}_RegionCode_PlanId", T("Approvals"), ["RegionCode", "PlanId"], s);

        mb.CreateTable(T("Goals"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 500, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Goals")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Goals")}_RegionCode_PlanId", T("Goals"), ["RegionCode", "PlanId"], s);

        mb.CreateTable(T("Actions"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            GoalId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 500, nullable: false),
            Responsible = t.Column<string>(maxLength: 200, nullable: false),
            Year = t.Column<int>(nullable: true),
            CountsReports = t.Column<bool>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Evidence = t.Column<string>(maxLength: 4000, nullable: true),
            StatusChangedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            StatusChangedBy = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Actions")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Actions")}_RegionCode_GoalId", T("Actions"), ["RegionCode", "GoalId"], s);

        mb.CreateTable(T("Versions"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            PlanId = t.Column<Guid>(nullable: false),
            Number = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            CreatedBy = t.Column<string>(maxLength: 200, nullable: false),
            Note = t.Column<string>(maxLength: 500, nullable: false),
            Snapshot = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Versions")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Versions")}_RegionCode_PlanId_Number", T("Versions"), ["RegionCode", "PlanId", "Number"], s, unique: true);

        mb.CreateTable(T("Evaluations"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Year = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Text = t.Column<string>(maxLength: 8000, nullable: false),
            ActionsDone = t.Column<int>(nullable: false),
            ActionsTotal = t.Column<int>(nullable: false),
            NeedsUpdate = t.Column<bool>(nullable: false),
            RecordedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            RecordedBy = t.Column<string>(maxLength: 200, nullable: false),
            SourceKey = t.Column<string>(maxLength: 300, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Evaluations")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Evaluations")}_RegionCode_Year", T("Evaluations"), ["RegionCode", "Year"], s);
    }
}
