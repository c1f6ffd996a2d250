using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Host.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GoLiveSchema : Migration
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

            migrationBuilder.CreateTable(
                name: "platform_DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_RegionIdentityProviders",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedClientSecret = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Scopes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    GroupClaim = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GroupRoles = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AllowedEmailDomains = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ApiAudience = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_RegionIdentityProviders", x => x.RegionCode);
                    table.ForeignKey(
                        name: "FK_platform_RegionIdentityProviders_platform_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "platform_Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.DropTable(
                name: "platform_DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "platform_RegionIdentityProviders");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                table: "platform_AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DeactivatedBy",
                table: "platform_AspNetUsers");
        }
    }
}
