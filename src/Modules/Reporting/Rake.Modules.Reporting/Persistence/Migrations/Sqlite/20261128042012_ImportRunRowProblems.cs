using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImportRunRowProblems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RowProblems",
                table: "reporting_ImportRuns",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RowProblems",
                table: "reporting_ImportRuns");
        }
    }
}
