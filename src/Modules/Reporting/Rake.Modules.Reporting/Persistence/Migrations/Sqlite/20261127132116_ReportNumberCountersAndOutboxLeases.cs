using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportNumberCountersAndOutboxLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "reporting_OutboxMessages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LeaseUntil",
                table: "reporting_OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reporting_ReportNumberCounters",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_ReportNumberCounters", x => x.RegionCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reporting_ReportNumberCounters");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "reporting_OutboxMessages");

            migrationBuilder.DropColumn(
                name: "LeaseUntil",
                table: "reporting_OutboxMessages");
        }
    }
}
