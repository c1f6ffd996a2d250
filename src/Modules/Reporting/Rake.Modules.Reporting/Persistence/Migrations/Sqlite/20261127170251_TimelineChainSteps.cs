using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimelineChainSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BeforeSupervisorRecord",
                table: "reporting_TimelineEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "reporting_TimelineEntries",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            // Every step stored before this migration is a status step.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "reporting_TimelineEntries",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Status");

            migrationBuilder.AddColumn<Guid>(
                name: "SourceId",
                table: "reporting_TimelineEntries",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BeforeSupervisorRecord",
                table: "reporting_TimelineEntries");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "reporting_TimelineEntries");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "reporting_TimelineEntries");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "reporting_TimelineEntries");
        }
    }
}
