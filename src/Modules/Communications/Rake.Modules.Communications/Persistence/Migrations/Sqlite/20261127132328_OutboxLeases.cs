using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Communications.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "communications_OutboxMessages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "communications_OutboxMessages",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "communications_OutboxMessages");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "communications_OutboxMessages");
        }
    }
}
