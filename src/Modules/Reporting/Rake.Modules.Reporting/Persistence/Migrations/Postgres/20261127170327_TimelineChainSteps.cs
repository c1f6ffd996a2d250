using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TimelineChainSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BeforeSupervisorRecord",
                schema: "reporting",
                table: "TimelineEntries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Code",
                schema: "reporting",
                table: "TimelineEntries",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            // Every step stored before this migration is a status step.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                schema: "reporting",
                table: "TimelineEntries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Status");

            migrationBuilder.AddColumn<Guid>(
                name: "SourceId",
                schema: "reporting",
                table: "TimelineEntries",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BeforeSupervisorRecord",
                schema: "reporting",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "Code",
                schema: "reporting",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "Kind",
                schema: "reporting",
                table: "TimelineEntries");

            migrationBuilder.DropColumn(
                name: "SourceId",
                schema: "reporting",
                table: "TimelineEntries");
        }
    }
}
