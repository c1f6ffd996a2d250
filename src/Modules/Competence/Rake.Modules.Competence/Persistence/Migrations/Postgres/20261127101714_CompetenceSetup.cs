using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Competence.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CompetenceSetup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-edited default: the units and items a region had before this migration are all in use.
            migrationBuilder.AddColumn<bool>(
                name: "Active",
                schema: "competence",
                table: "Units",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "Active",
                schema: "competence",
                table: "OrientationItems",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Active",
                schema: "competence",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Active",
                schema: "competence",
                table: "OrientationItems");
        }
    }
}
