using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.WorkingGroup.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProposalResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Result",
                table: "workinggroup_BudgetProposals",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Result",
                table: "workinggroup_ActionProposals",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Result",
                table: "workinggroup_BudgetProposals");

            migrationBuilder.DropColumn(
                name: "Result",
                table: "workinggroup_ActionProposals");
        }
    }
}
