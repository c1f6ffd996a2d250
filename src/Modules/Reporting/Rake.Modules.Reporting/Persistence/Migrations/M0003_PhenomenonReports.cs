using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Persistence.Migrations;

/// <summary>Written by hand (docs/adr/0003): phenomenon-based social reports with their workshop inputs and comments.</summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("20261122070002_PhenomenonReports")]
internal sealed class M0003_PhenomenonReports : Migration
{
    private const string Schema = ReportingDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        var s = mb.SchemaFor(Schema);
        var instant = mb.InstantColumnType();
        string T(string table) => mb.TableFor(Schema, table);

        mb.CreateTable(T("PhenomenonReports"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 4000, nullable: false),
            Needs = t.Column<string>(maxLength: 4000, nullable: false),
            Topicality = t.Column<string>(maxLength: 4000, nullable: false),
            Significance = t.Column<string>(maxLength: 4000, nullable: false),
            Recurrence = t.Column<string>(maxLength: 4000, nullable: false),
            RelatedReports = t.Column<string>(maxLength: 1000, nullable: false),
            Stage = t.Column<string>(maxLength: 20, nullable: false),
            Draft = t.Column<string>(maxLength: 40000, nullable: false),
            Decision = t.Column<string>(maxLength: 4000, nullable: true),
            DecidedBy = t.Column<string>(maxLength: 200, nullable: true),
            DecidedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            PublishedBy = t.Column<string>(maxLength: 200, nullable: true),
            PublishedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            CreatedBy = t.Column<string>(maxLength: 200, nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("PhenomenonReports")}", x => x.Id));
        mb.CreateIndex($"IX_{T("PhenomenonReports")}_RegionCode_CreatedAt", T("PhenomenonReports"), ["RegionCode", "CreatedAt"], s);

        mb.CreateTable(T("PhenomenonEntries"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            PhenomenonReportId = t.Column<Guid>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Text = t.Column<string>(maxLength: 4000, nullable: false),
            Author = t.Column<string>(maxLength: 200, nullable: false),
            At = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey($"PK_{T("PhenomenonEntries")}", x => x.Id);
            t.ForeignKey($"FK_{T("PhenomenonEntries")}_{T("PhenomenonReports")}_PhenomenonReportId", x => x.PhenomenonReportId, T("PhenomenonReports"), "Id", s, onDelete: ReferentialAction.Cascade);
        });
        mb.CreateIndex($"IX_{T("PhenomenonEntries")}_PhenomenonReportId", T("PhenomenonEntries"), ["PhenomenonReportId"], s);
    }
}
