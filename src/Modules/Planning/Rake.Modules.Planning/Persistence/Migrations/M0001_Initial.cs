using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Planning.Persistence.Migrations;

[DbContext(typeof(PlanningDbContext))]
[Migration("20261122000001_PlanningInitial")]
internal sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateInfrastructureTables(PlanningDbContext.SchemaName);
}
