using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Communications.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "communications_NoticeLanguages",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_NoticeLanguages", x => new { x.RegionCode, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "communications_NoticeMarkers",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_NoticeMarkers", x => new { x.RegionCode, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "communications_NoticePreferences",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_NoticePreferences", x => new { x.RegionCode, x.UserId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "communications_PersonNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Args = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InDigest = table.Column<bool>(type: "INTEGER", nullable: false),
                    DigestedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_PersonNotices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_communications_PersonNotices_RegionCode_InDigest_DigestedAt",
                table: "communications_PersonNotices",
                columns: new[] { "RegionCode", "InDigest", "DigestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_communications_PersonNotices_RegionCode_UserId_CreatedAt",
                table: "communications_PersonNotices",
                columns: new[] { "RegionCode", "UserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "communications_NoticeLanguages");

            migrationBuilder.DropTable(
                name: "communications_NoticeMarkers");

            migrationBuilder.DropTable(
                name: "communications_NoticePreferences");

            migrationBuilder.DropTable(
                name: "communications_PersonNotices");
        }
    }
}
