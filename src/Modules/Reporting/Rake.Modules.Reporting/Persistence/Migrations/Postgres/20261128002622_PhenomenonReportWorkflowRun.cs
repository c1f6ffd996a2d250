using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PhenomenonReportWorkflowRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "WorkflowRunId",
                schema: "reporting",
                table: "PhenomenonReports",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PhenomenonReports_WorkflowRunId",
                schema: "reporting",
                table: "PhenomenonReports",
                column: "WorkflowRunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PhenomenonReports_WorkflowRunId",
                schema: "reporting",
                table: "PhenomenonReports");

            migrationBuilder.DropColumn(
                name: "WorkflowRunId",
                schema: "reporting",
                table: "PhenomenonReports");
        }
    }
}
