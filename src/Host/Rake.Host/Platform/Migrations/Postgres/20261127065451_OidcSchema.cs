using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Host.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OidcSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegionIdentityProviders",
                schema: "platform");
        }
    }
}
