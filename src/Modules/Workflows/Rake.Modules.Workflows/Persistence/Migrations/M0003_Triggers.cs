using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Workflows.Persistence.Migrations;

/// <summary>Published definitions' start triggers. Written by hand (docs/adr/0003); the schema drift test checks it against the model.</summary>
[DbContext(typeof(WorkflowsDbContext))]
[Migration("20261122000003_WorkflowsTriggers")]
internal sealed class M0003_Triggers : Migration
{
    private const string Schema = WorkflowsDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        var s = mb.SchemaFor(Schema);
        var instant = mb.InstantColumnType();
        string T(string table) => mb.TableFor(Schema, table);

        mb.CreateTable(T("Triggers"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            DefinitionId = t.Column<string>(maxLength: 200, nullable: false),
            DefinitionVersion = t.Column<int>(nullable: false),
            ActivityId = t.Column<string>(maxLength: 200, nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            CronExpression = t.Column<string>(maxLength: 200, nullable: true),
            DueAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            NextFireAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Triggers")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Triggers")}_RegionCode_DefinitionId", T("Triggers"), ["RegionCode", "DefinitionId"], s);
        mb.CreateIndex($"IX_{T("Triggers")}_NextFireAt", T("Triggers"), ["NextFireAt"], s);
    }
}
