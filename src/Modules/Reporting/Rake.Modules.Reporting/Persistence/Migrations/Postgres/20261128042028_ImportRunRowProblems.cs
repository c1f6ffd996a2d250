using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ImportRunRowProblems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RowProblems",
                schema: "reporting",
                table: "ImportRuns",
                type: "text",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RowProblems",
                schema: "reporting",
                table: "ImportRuns");
        }
    }
}
