using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhenomenonReportWorkflowRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "WorkflowRunId",
                table: "reporting_PhenomenonReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_reporting_PhenomenonReports_WorkflowRunId",
                table: "reporting_PhenomenonReports",
                column: "WorkflowRunId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_reporting_PhenomenonReports_WorkflowRunId",
                table: "reporting_PhenomenonReports");

            migrationBuilder.DropColumn(
                name: "WorkflowRunId",
                table: "reporting_PhenomenonReports");
        }
    }
}
