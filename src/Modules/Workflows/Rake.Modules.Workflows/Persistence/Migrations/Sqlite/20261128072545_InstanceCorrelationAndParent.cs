using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstanceCorrelationAndParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrelationId",
                table: "workflows_Instances",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentInstanceId",
                table: "workflows_Instances",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Instances_RegionCode_CorrelationId",
                table: "workflows_Instances",
                columns: new[] { "RegionCode", "CorrelationId" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Instances_RegionCode_ParentInstanceId",
                table: "workflows_Instances",
                columns: new[] { "RegionCode", "ParentInstanceId" });

            // Existing instances get both from their stored state (docs/adr/0190); EF keeps a Guid as upper-case text.
            const string parent = "json_extract(\"State\", '$.parentInstanceId')";
            migrationBuilder.Sql(
                "UPDATE \"workflows_Instances\" SET " +
                "\"CorrelationId\" = substr(json_extract(\"State\", '$.correlationId'), 1, 200), " +
                $"\"ParentInstanceId\" = CASE WHEN length({parent}) = 32 AND {parent} NOT GLOB '*[^0-9a-f]*' THEN upper(" +
                $"substr({parent}, 1, 8) || '-' || substr({parent}, 9, 4) || '-' || substr({parent}, 13, 4) || '-' || " +
                $"substr({parent}, 17, 4) || '-' || substr({parent}, 21, 12)) END " +
                "WHERE json_valid(\"State\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_workflows_Instances_RegionCode_CorrelationId",
                table: "workflows_Instances");

            migrationBuilder.DropIndex(
                name: "IX_workflows_Instances_RegionCode_ParentInstanceId",
                table: "workflows_Instances");

            migrationBuilder.DropColumn(
                name: "CorrelationId",
                table: "workflows_Instances");

            migrationBuilder.DropColumn(
                name: "ParentInstanceId",
                table: "workflows_Instances");
        }
    }
}
