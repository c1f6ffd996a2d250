using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rake.Host.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GoLiveSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeactivatedAt",
                schema: "platform",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeactivatedBy",
                schema: "platform",
                table: "AspNetUsers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChangedProperties = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                schema: "platform",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegionIdentityProviders",
                schema: "platform",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Authority = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProtectedClientSecret = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Scopes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    GroupClaim = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GroupRoles = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    AllowedEmailDomains = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ApiAudience = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionIdentityProviders", x => x.RegionCode);
                    table.ForeignKey(
                        name: "FK_RegionIdentityProviders_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalSchema: "platform",
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RegionCode_At",
                schema: "platform",
                table: "AuditEntries",
                columns: new[] { "RegionCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RegionCode_EntityType_EntityId",
                schema: "platform",
                table: "AuditEntries",
                columns: new[] { "RegionCode", "EntityType", "EntityId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys",
                schema: "platform");

            migrationBuilder.DropTable(
                name: "RegionIdentityProviders",
                schema: "platform");

            migrationBuilder.DropColumn(
                name: "DeactivatedAt",
                schema: "platform",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "DeactivatedBy",
                schema: "platform",
                table: "AspNetUsers");
        }
    }
}
