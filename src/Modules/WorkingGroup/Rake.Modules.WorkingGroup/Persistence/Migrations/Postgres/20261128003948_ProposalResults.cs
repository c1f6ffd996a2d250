using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.WorkingGroup.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProposalResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Result",
                schema: "workinggroup",
                table: "BudgetProposals",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Result",
                schema: "workinggroup",
                table: "ActionProposals",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Result",
                schema: "workinggroup",
                table: "BudgetProposals");

            migrationBuilder.DropColumn(
                name: "Result",
                schema: "workinggroup",
                table: "ActionProposals");
        }
    }
}
