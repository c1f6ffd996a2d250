using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Host.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OidcSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_RegionIdentityProviders");
        }
    }
}
