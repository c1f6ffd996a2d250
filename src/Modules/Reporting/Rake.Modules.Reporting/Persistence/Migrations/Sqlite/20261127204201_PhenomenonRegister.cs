using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PhenomenonRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PhenomenonId",
                table: "reporting_PhenomenonReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reporting_Phenomena",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Needs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Topicality = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Significance = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Recurrence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_Phenomena", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_PhenomenonLinks",
                columns: table => new
                {
                    PhenomenonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_PhenomenonLinks", x => new { x.PhenomenonId, x.ReportId });
                    table.ForeignKey(
                        name: "FK_reporting_PhenomenonLinks_reporting_Phenomena_PhenomenonId",
                        column: x => x.PhenomenonId,
                        principalTable: "reporting_Phenomena",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_reporting_PhenomenonLinks_reporting_SocialReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reporting_SocialReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_PhenomenonReports_PhenomenonId",
                table: "reporting_PhenomenonReports",
                column: "PhenomenonId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_Phenomena_RegionCode_Title",
                table: "reporting_Phenomena",
                columns: new[] { "RegionCode", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_PhenomenonLinks_RegionCode_ReportId",
                table: "reporting_PhenomenonLinks",
                columns: new[] { "RegionCode", "ReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_PhenomenonLinks_ReportId",
                table: "reporting_PhenomenonLinks",
                column: "ReportId");

            // Each phenomenon report becomes the register entry it starts from, under the same id, and its related report numbers
            // become links (docs/adr/0162); numbers of no report of its region are left out.
            migrationBuilder.Sql(
                "INSERT INTO \"reporting_Phenomena\" (\"Id\", \"RegionCode\", \"Title\", \"Description\", \"Needs\", \"Topicality\", " +
                "\"Significance\", \"Recurrence\", \"CreatedBy\", \"CreatedAt\", \"ChangedBy\", \"ChangedAt\") " +
                "SELECT \"Id\", \"RegionCode\", \"Title\", \"Description\", \"Needs\", \"Topicality\", \"Significance\", " +
                "\"Recurrence\", \"CreatedBy\", \"CreatedAt\", \"CreatedBy\", \"CreatedAt\" FROM \"reporting_PhenomenonReports\"");
            migrationBuilder.Sql("UPDATE \"reporting_PhenomenonReports\" SET \"PhenomenonId\" = \"Id\"");
            migrationBuilder.Sql(
                "INSERT INTO \"reporting_PhenomenonLinks\" (\"PhenomenonId\", \"ReportId\", \"RegionCode\", \"LinkedBy\", \"LinkedAt\") " +
                "SELECT DISTINCT p.\"Id\", r.\"Id\", p.\"RegionCode\", p.\"CreatedBy\", p.\"CreatedAt\" " +
                "FROM \"reporting_PhenomenonReports\" p, json_each('[' || p.\"RelatedReports\" || ']') n " +
                "JOIN \"reporting_SocialReports\" r ON r.\"RegionCode\" = p.\"RegionCode\" AND r.\"Number\" = n.value " +
                "WHERE p.\"RelatedReports\" <> ''");

            migrationBuilder.AddForeignKey(
                name: "FK_reporting_PhenomenonReports_reporting_Phenomena_PhenomenonId",
                table: "reporting_PhenomenonReports",
                column: "PhenomenonId",
                principalTable: "reporting_Phenomena",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_reporting_PhenomenonReports_reporting_Phenomena_PhenomenonId",
                table: "reporting_PhenomenonReports");

            migrationBuilder.DropTable(
                name: "reporting_PhenomenonLinks");

            migrationBuilder.DropTable(
                name: "reporting_Phenomena");

            migrationBuilder.DropIndex(
                name: "IX_reporting_PhenomenonReports_PhenomenonId",
                table: "reporting_PhenomenonReports");

            migrationBuilder.DropColumn(
                name: "PhenomenonId",
                table: "reporting_PhenomenonReports");
        }
    }
}
