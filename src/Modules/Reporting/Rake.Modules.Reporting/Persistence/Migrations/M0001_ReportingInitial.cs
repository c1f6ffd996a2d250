using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Persistence.Migrations;

/// <summary>Written by hand (docs/adr/0003); the schema drift test checks it against the model on SQLite and PostgreSQL.</summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("20261122000001_ReportingInitial")]
internal sealed class M0001_ReportingInitial : Migration
{
    private const string Schema = ReportingDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        mb.CreateInfrastructureTables(Schema);
        var s = mb.SchemaFor(Schema);
        var instant = mb.InstantColumnType();
        string T(string table) => mb.TableFor(Schema, table);

        mb.CreateTable(T("SocialReports"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Number = t.Column<int>(nullable: false),
            ReceivedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            ReporterId = t.Column<Guid>(nullable: false),
            ReporterUserName = t.Column<string>(maxLength: 256, nullable: false),
            ReporterName = t.Column<string>(maxLength: 200, nullable: false),
            PhenomenonType = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 8000, nullable: false),
            Proposal = t.Column<string>(maxLength: 4000, nullable: false),
            TriedAlready = t.Column<string>(maxLength: 4000, nullable: true),
            ServiceArea = t.Column<string>(maxLength: 100, nullable: false),
            Municipality = t.Column<string>(maxLength: 100, nullable: false),
            TargetGroup = t.Column<string>(maxLength: 100, nullable: false),
            SupervisorId = t.Column<Guid>(nullable: false),
            SupervisorUserName = t.Column<string>(maxLength: 256, nullable: false),
            SupervisorName = t.Column<string>(maxLength: 200, nullable: false),
            Language = t.Column<string>(maxLength: 2, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            WarningsConfirmed = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("SocialReports")}", x => x.Id));
        mb.CreateIndex($"IX_{T("SocialReports")}_RegionCode_Number", T("SocialReports"), ["RegionCode", "Number"], s, unique: true);
        mb.CreateIndex($"IX_{T("SocialReports")}_RegionCode_ReceivedAt", T("SocialReports"), ["RegionCode", "ReceivedAt"], s);
        mb.CreateIndex($"IX_{T("SocialReports")}_RegionCode_SupervisorId", T("SocialReports"), ["RegionCode", "SupervisorId"], s);
        mb.CreateIndex($"IX_{T("SocialReports")}_RegionCode_ReporterId", T("SocialReports"), ["RegionCode", "ReporterId"], s);

        mb.CreateTable(T("ReportCategories"), schema: s, columns: t => new
        {
            ReportId = t.Column<Guid>(nullable: false),
            Code = t.Column<string>(maxLength: 100, nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey($"PK_{T("ReportCategories")}", x => new { x.ReportId, x.Code });
            t.ForeignKey($"FK_{T("ReportCategories")}_{T("SocialReports")}_ReportId", x => x.ReportId, T("SocialReports"), "Id", s, onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable(T("CoReporters"), schema: s, columns: t => new
        {
            ReportId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey($"PK_{T("CoReporters")}", x => new { x.ReportId, x.UserId });
            t.ForeignKey($"FK_{T("CoReporters")}_{T("SocialReports")}_ReportId", x => x.ReportId, T("SocialReports"), "Id", s, onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex($"IX_{T("CoReporters")}_RegionCode_UserId", T("CoReporters"), ["RegionCode", "UserId"], s);

        mb.CreateTable(T("TimelineEntries"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            ReportId = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            At = t.Column<DateTimeOffset>(type: instant, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Actor = t.Column<string>(maxLength: 200, nullable: false),
            Comment = t.Column<string>(maxLength: 2000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey($"PK_{T("TimelineEntries")}", x => x.Id);
            t.ForeignKey($"FK_{T("TimelineEntries")}_{T("SocialReports")}_ReportId", x => x.ReportId, T("SocialReports"), "Id", s, onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex($"IX_{T("TimelineEntries")}_ReportId", T("TimelineEntries"), "ReportId", s);

        mb.CreateTable(T("SupervisorRecords"), schema: s, columns: t => new
        {
            ReportId = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            CoreOfReport = t.Column<string>(maxLength: 2000, nullable: true),
            CommunicationGoal = t.Column<string>(maxLength: 2000, nullable: true),
            Audience = t.Column<string>(maxLength: 2000, nullable: true),
            CoreMessage = t.Column<string>(maxLength: 2000, nullable: true),
            ChannelAndMethod = t.Column<string>(maxLength: 2000, nullable: true),
            Timing = t.Column<string>(maxLength: 2000, nullable: true),
            Responsible = t.Column<string>(maxLength: 2000, nullable: true),
            FollowUp = t.Column<string>(maxLength: 2000, nullable: true),
            Priority = t.Column<int>(nullable: true),
            Result = t.Column<string>(maxLength: 2000, nullable: true),
            UpdatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            UpdatedBy = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey($"PK_{T("SupervisorRecords")}", x => x.ReportId);
            t.ForeignKey($"FK_{T("SupervisorRecords")}_{T("SocialReports")}_ReportId", x => x.ReportId, T("SocialReports"), "Id", s, onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable(T("TaxonomyTerms"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Code = t.Column<string>(maxLength: 100, nullable: false),
            NameFi = t.Column<string>(maxLength: 200, nullable: false),
            NameSv = t.Column<string>(maxLength: 200, nullable: false),
            NameEn = t.Column<string>(maxLength: 200, nullable: false),
            Active = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("TaxonomyTerms")}", x => x.Id));
        mb.CreateIndex($"IX_{T("TaxonomyTerms")}_RegionCode_Kind_Code", T("TaxonomyTerms"), ["RegionCode", "Kind", "Code"], s, unique: true);

        mb.CreateTable(T("Supervisors"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
            DisplayName = t.Column<string>(maxLength: 200, nullable: false),
            ServiceArea = t.Column<string>(maxLength: 100, nullable: false),
            Active = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Supervisors")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Supervisors")}_RegionCode_UserId", T("Supervisors"), ["RegionCode", "UserId"], s, unique: true);

        mb.CreateTable(T("Settings"), schema: s, columns: t => new
        {
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            PeriodScheme = t.Column<string>(maxLength: 40, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Settings")}", x => x.RegionCode));

        mb.CreateTable(T("Notifications"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            ReportId = t.Column<Guid>(nullable: false),
            ReportNumber = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: true),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            ReadAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Notifications")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Notifications")}_RegionCode_UserId_ReadAt", T("Notifications"), ["RegionCode", "UserId", "ReadAt"], s);
    }
}
