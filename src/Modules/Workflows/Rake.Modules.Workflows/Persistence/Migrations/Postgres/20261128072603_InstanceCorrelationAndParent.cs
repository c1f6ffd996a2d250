using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Workflows.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InstanceCorrelationAndParent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CorrelationId",
                schema: "workflows",
                table: "Instances",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ParentInstanceId",
                schema: "workflows",
                table: "Instances",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instances_RegionCode_CorrelationId",
                schema: "workflows",
                table: "Instances",
                columns: new[] { "RegionCode", "CorrelationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_RegionCode_ParentInstanceId",
                schema: "workflows",
                table: "Instances",
                columns: new[] { "RegionCode", "ParentInstanceId" });

            // Existing instances get both from their stored state (docs/adr/0190).
            migrationBuilder.Sql(
                "UPDATE workflows.\"Instances\" SET " +
                "\"CorrelationId\" = left(\"State\"::jsonb ->> 'correlationId', 200), " +
                "\"ParentInstanceId\" = CASE WHEN (\"State\"::jsonb ->> 'parentInstanceId') ~ '^[0-9a-f]{32}$' " +
                "THEN (\"State\"::jsonb ->> 'parentInstanceId')::uuid END " +
                "WHERE \"State\" LIKE '{%'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Instances_RegionCode_CorrelationId",
                schema: "workflows",
                table: "Instances");

            migrationBuilder.DropIndex(
                name: "IX_Instances_RegionCode_ParentInstanceId",
                schema: "workflows",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "CorrelationId",
                schema: "workflows",
                table: "Instances");

            migrationBuilder.DropColumn(
                name: "ParentInstanceId",
                schema: "workflows",
                table: "Instances");
        }
    }
}
