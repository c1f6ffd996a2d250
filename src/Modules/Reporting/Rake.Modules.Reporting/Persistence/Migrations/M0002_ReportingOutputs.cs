using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Reporting.Persistence.Migrations;

/// <summary>Written by hand (docs/adr/0003): compilation notes, annual social reports, the import ledger.</summary>
[DbContext(typeof(ReportingDbContext))]
[Migration("20261122070001_ReportingOutputs")]
internal sealed class M0002_ReportingOutputs : Migration
{
    private const string Schema = ReportingDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        var s = mb.SchemaFor(Schema);
        var instant = mb.InstantColumnType();
        string T(string table) => mb.TableFor(Schema, table);

        mb.CreateTable(T("CompilationNotes"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            PeriodId = t.Column<string>(maxLength: 20, nullable: false),
            Kind = t.Column<string>(maxLength: 30, nullable: false),
            ReportNumber = t.Column<int>(nullable: true),
            Text = t.Column<string>(maxLength: 4000, nullable: false),
            ResponsiblePerson = t.Column<string>(maxLength: 200, nullable: true),
            Author = t.Column<string>(maxLength: 200, nullable: false),
            At = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("CompilationNotes")}", x => x.Id));
        mb.CreateIndex($"IX_{T("CompilationNotes")}_RegionCode_PeriodId", T("CompilationNotes"), ["RegionCode", "PeriodId"], s);

        mb.CreateTable(T("AnnualReports"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Year = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Introduction = t.Column<string>(maxLength: 20000, nullable: false),
            ActionsTaken = t.Column<string>(maxLength: 20000, nullable: false),
            PlanEvaluation = t.Column<string>(maxLength: 20000, nullable: false),
            Conclusions = t.Column<string>(maxLength: 20000, nullable: false),
            UpdatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            UpdatedBy = t.Column<string>(maxLength: 200, nullable: false),
            ApprovedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            ApprovedBy = t.Column<string>(maxLength: 200, nullable: true),
            PublishedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            PublishedBy = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("AnnualReports")}", x => x.Id));
        mb.CreateIndex($"IX_{T("AnnualReports")}_RegionCode_Year", T("AnnualReports"), ["RegionCode", "Year"], s, unique: true);

        mb.CreateTable(T("ImportedRows"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            ContentHash = t.Column<string>(maxLength: 64, nullable: false),
            SourceRowId = t.Column<string>(maxLength: 100, nullable: true),
            FileName = t.Column<string>(maxLength: 260, nullable: false),
            ReportId = t.Column<Guid>(nullable: false),
            ImportedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            ImportedBy = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("ImportedRows")}", x => x.Id));
        mb.CreateIndex($"IX_{T("ImportedRows")}_RegionCode_ContentHash", T("ImportedRows"), ["RegionCode", "ContentHash"], s, unique: true);
    }
}
