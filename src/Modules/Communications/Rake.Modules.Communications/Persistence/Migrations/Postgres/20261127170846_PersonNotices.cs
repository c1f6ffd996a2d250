using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Communications.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NoticeLanguages",
                schema: "communications",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeLanguages", x => new { x.RegionCode, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "NoticeMarkers",
                schema: "communications",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeMarkers", x => new { x.RegionCode, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "NoticePreferences",
                schema: "communications",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticePreferences", x => new { x.RegionCode, x.UserId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "PersonNotices",
                schema: "communications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Template = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Args = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InDigest = table.Column<bool>(type: "boolean", nullable: false),
                    DigestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonNotices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNotices_RegionCode_InDigest_DigestedAt",
                schema: "communications",
                table: "PersonNotices",
                columns: new[] { "RegionCode", "InDigest", "DigestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonNotices_RegionCode_UserId_CreatedAt",
                schema: "communications",
                table: "PersonNotices",
                columns: new[] { "RegionCode", "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NoticeLanguages",
                schema: "communications");

            migrationBuilder.DropTable(
                name: "NoticeMarkers",
                schema: "communications");

            migrationBuilder.DropTable(
                name: "NoticePreferences",
                schema: "communications");

            migrationBuilder.DropTable(
                name: "PersonNotices",
                schema: "communications");
        }
    }
}
