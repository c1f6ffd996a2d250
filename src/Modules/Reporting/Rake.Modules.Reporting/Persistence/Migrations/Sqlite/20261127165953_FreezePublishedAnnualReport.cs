using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FreezePublishedAnnualReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FrozenFigures",
                table: "reporting_AnnualReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FrozenPlanEvaluation",
                table: "reporting_AnnualReports",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FrozenFigures",
                table: "reporting_AnnualReports");

            migrationBuilder.DropColumn(
                name: "FrozenPlanEvaluation",
                table: "reporting_AnnualReports");
        }
    }
}
