using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.WorkingGroup.Persistence.Migrations;

[DbContext(typeof(WorkingGroupDbContext))]
[Migration("20261122000001_WorkingGroupInitial")]
internal sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateInfrastructureTables(WorkingGroupDbContext.SchemaName);
}
