using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Competence.Persistence.Migrations;

[DbContext(typeof(CompetenceDbContext))]
[Migration("20261122000001_CompetenceInitial")]
internal sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateInfrastructureTables(CompetenceDbContext.SchemaName);
}
