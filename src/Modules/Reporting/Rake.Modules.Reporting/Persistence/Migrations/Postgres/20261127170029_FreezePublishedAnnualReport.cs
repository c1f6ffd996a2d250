using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FreezePublishedAnnualReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FrozenFigures",
                schema: "reporting",
                table: "AnnualReports",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FrozenPlanEvaluation",
                schema: "reporting",
                table: "AnnualReports",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FrozenFigures",
                schema: "reporting",
                table: "AnnualReports");

            migrationBuilder.DropColumn(
                name: "FrozenPlanEvaluation",
                schema: "reporting",
                table: "AnnualReports");
        }
    }
}
