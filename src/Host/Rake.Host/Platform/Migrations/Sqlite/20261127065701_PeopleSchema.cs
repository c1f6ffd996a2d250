using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Host.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeopleSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DeactivatedAt",
                table: "platform_AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeactivatedBy",
                table: "platform_AspNetUsers",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "platform_AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChangedProperties = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_AuditEntries_RegionCode_At",
                table: "platform_AuditEntries",
                columns: new[] { "RegionCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_platform_AuditEntries_RegionCode_EntityType_EntityId",
                table: "platform_AuditEntries",
                columns: new[] { "RegionCode", "EntityType", "EntityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_AuditEntries");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "platform_AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DeactivatedBy",
                table: "platform_AspNetUsers");
        }
    }
}
