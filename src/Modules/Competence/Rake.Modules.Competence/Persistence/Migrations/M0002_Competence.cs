using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Competence.Persistence.Migrations;

/// <summary>Written by hand (docs/adr/0003): units, surveys with anonymous tallies, orientation, training, specialists, needs.</summary>
[DbContext(typeof(CompetenceDbContext))]
[Migration("20261122000002_CompetenceFeatures")]
internal sealed class M0002_Competence : Migration
{
    private const string Schema = CompetenceDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        var s = mb.SchemaFor(Schema);
        var instant = mb.InstantColumnType();
        string T(string table) => mb.TableFor(Schema, table);

        mb.CreateTable(T("Units"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Code = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Units")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Units")}_RegionCode_Code", T("Units"), ["RegionCode", "Code"], s, unique: true);

        mb.CreateTable(T("Surveys"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Round = t.Column<int>(nullable: false),
            ScaleMax = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            OpenedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            ClosedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            SourceKey = t.Column<string>(maxLength: 300, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Surveys")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Surveys")}_RegionCode_Round", T("Surveys"), ["RegionCode", "Round"], s);

        mb.CreateTable(T("SurveyAreas"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            SurveyId = t.Column<Guid>(nullable: false),
            Position = t.Column<int>(nullable: false),
            Code = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 300, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("SurveyAreas")}", x => x.Id));
        mb.CreateIndex($"IX_{T("SurveyAreas")}_RegionCode_SurveyId", T("SurveyAreas"), ["RegionCode", "SurveyId"], s);

        mb.CreateTable(T("SurveyTallies"), schema: s, columns: t => new
        {
            SurveyId = t.Column<Guid>(nullable: false),
            UnitCode = t.Column<string>(maxLength: 40, nullable: false),
            AreaCode = t.Column<string>(maxLength: 40, nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Count = t.Column<int>(nullable: false),
            Sum = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("SurveyTallies")}", x => new { x.SurveyId, x.UnitCode, x.AreaCode }));

        mb.CreateTable(T("SurveyRespondents"), schema: s, columns: t => new
        {
            SurveyId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("SurveyRespondents")}", x => new { x.SurveyId, x.UserId }));

        mb.CreateTable(T("OrientationItems"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Position = t.Column<int>(nullable: false),
            Text = t.Column<string>(maxLength: 500, nullable: false),
            Structural = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("OrientationItems")}", x => x.Id));

        mb.CreateTable(T("OrientationCompletions"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            ItemId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
            UnitCode = t.Column<string>(maxLength: 40, nullable: false),
            CompletedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("OrientationCompletions")}", x => x.Id));
        mb.CreateIndex($"IX_{T("OrientationCompletions")}_RegionCode_UserId_ItemId", T("OrientationCompletions"), ["RegionCode", "UserId", "ItemId"], s, unique: true);

        mb.CreateTable(T("Trainings"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            Url = t.Column<string>(maxLength: 500, nullable: true),
            DurationMinutes = t.Column<int>(nullable: true),
            On = t.Column<DateOnly>(nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Trainings")}", x => x.Id));

        mb.CreateTable(T("Participations"), schema: s, columns: t => new
        {
            TrainingId = t.Column<Guid>(nullable: false),
            UserId = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            UserName = t.Column<string>(maxLength: 256, nullable: false),
            At = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Participations")}", x => new { x.TrainingId, x.UserId }));

        mb.CreateTable(T("Specialists"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            UnitCode = t.Column<string>(maxLength: 40, nullable: false),
            Credits = t.Column<int>(nullable: false),
            CompletedYear = t.Column<int>(nullable: true),
            Use = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Specialists")}", x => x.Id));

        mb.CreateTable(T("Needs"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Year = t.Column<int>(nullable: false),
            UnitCode = t.Column<string>(maxLength: 40, nullable: true),
            Text = t.Column<string>(maxLength: 2000, nullable: false),
            RecordedBy = t.Column<string>(maxLength: 256, nullable: false),
            RecordedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Needs")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Needs")}_RegionCode_Year", T("Needs"), ["RegionCode", "Year"], s);
    }
}
