using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Communications.Persistence.Migrations;

[DbContext(typeof(CommunicationsDbContext))]
[Migration("20261122000001_CommunicationsInitial")]
internal sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateInfrastructureTables(CommunicationsDbContext.SchemaName);
}
