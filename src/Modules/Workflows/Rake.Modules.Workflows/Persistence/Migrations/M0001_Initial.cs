using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Workflows.Persistence.Migrations;

[DbContext(typeof(WorkflowsDbContext))]
[Migration("20261122000001_WorkflowsInitial")]
internal sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateInfrastructureTables(WorkflowsDbContext.SchemaName);
}
