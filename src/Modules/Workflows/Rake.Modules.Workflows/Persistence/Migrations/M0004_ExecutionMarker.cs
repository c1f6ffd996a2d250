using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Workflows.Persistence.Migrations;

/// <summary>
/// The "executing since" marker of an instance (docs/adr/0060). Written by hand (docs/adr/0003); the schema drift test
/// checks it against the model.
/// </summary>
[DbContext(typeof(WorkflowsDbContext))]
[Migration("20261127000004_WorkflowsExecutionMarker")]
internal sealed class M0004_ExecutionMarker : Migration
{
    private const string Schema = WorkflowsDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        var s = mb.SchemaFor(Schema);
        var table = mb.TableFor(Schema, "Instances");
        mb.AddColumn<DateTimeOffset>("ExecutingSince", table, type: mb.InstantColumnType(), nullable: true, schema: s);
        mb.AddColumn<string>("ExecutingOn", table, maxLength: 200, nullable: true, schema: s);
    }
}
