using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PhenomenonRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PhenomenonId",
                schema: "reporting",
                table: "PhenomenonReports",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Phenomena",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Needs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Topicality = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Significance = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Recurrence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Phenomena", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhenomenonLinks",
                schema: "reporting",
                columns: table => new
                {
                    PhenomenonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhenomenonLinks", x => new { x.PhenomenonId, x.ReportId });
                    table.ForeignKey(
                        name: "FK_PhenomenonLinks_Phenomena_PhenomenonId",
                        column: x => x.PhenomenonId,
                        principalSchema: "reporting",
                        principalTable: "Phenomena",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PhenomenonLinks_SocialReports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "reporting",
                        principalTable: "SocialReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PhenomenonReports_PhenomenonId",
                schema: "reporting",
                table: "PhenomenonReports",
                column: "PhenomenonId");

            migrationBuilder.CreateIndex(
                name: "IX_Phenomena_RegionCode_Title",
                schema: "reporting",
                table: "Phenomena",
                columns: new[] { "RegionCode", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_PhenomenonLinks_RegionCode_ReportId",
                schema: "reporting",
                table: "PhenomenonLinks",
                columns: new[] { "RegionCode", "ReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_PhenomenonLinks_ReportId",
                schema: "reporting",
                table: "PhenomenonLinks",
                column: "ReportId");

            // Each phenomenon report becomes the register entry it starts from, under the same id, and its related report numbers
            // become links (docs/adr/0162); numbers of no report of its region are left out.
            migrationBuilder.Sql(
                "INSERT INTO reporting.\"Phenomena\" (\"Id\", \"RegionCode\", \"Title\", \"Description\", \"Needs\", \"Topicality\", " +
                "\"Significance\", \"Recurrence\", \"CreatedBy\", \"CreatedAt\", \"ChangedBy\", \"ChangedAt\") " +
                "SELECT \"Id\", \"RegionCode\", \"Title\", \"Description\", \"Needs\", \"Topicality\", \"Significance\", " +
                "\"Recurrence\", \"CreatedBy\", \"CreatedAt\", \"CreatedBy\", \"CreatedAt\" FROM reporting.\"PhenomenonReports\"");
            migrationBuilder.Sql("UPDATE reporting.\"PhenomenonReports\" SET \"PhenomenonId\" = \"Id\"");
            migrationBuilder.Sql(
                "INSERT INTO reporting.\"PhenomenonLinks\" (\"PhenomenonId\", \"ReportId\", \"RegionCode\", \"LinkedBy\", \"LinkedAt\") " +
                "SELECT DISTINCT p.\"Id\", r.\"Id\", p.\"RegionCode\", p.\"CreatedBy\", p.\"CreatedAt\" " +
                "FROM reporting.\"PhenomenonReports\" p " +
                "CROSS JOIN LATERAL unnest(string_to_array(p.\"RelatedReports\", ',')) AS n(number) " +
                "JOIN reporting.\"SocialReports\" r ON r.\"RegionCode\" = p.\"RegionCode\" AND r.\"Number\"::text = trim(n.number) " +
                "WHERE p.\"RelatedReports\" <> ''");

            migrationBuilder.AddForeignKey(
                name: "FK_PhenomenonReports_Phenomena_PhenomenonId",
                schema: "reporting",
                table: "PhenomenonReports",
                column: "PhenomenonId",
                principalSchema: "reporting",
                principalTable: "Phenomena",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PhenomenonReports_Phenomena_PhenomenonId",
                schema: "reporting",
                table: "PhenomenonReports");

            migrationBuilder.DropTable(
                name: "PhenomenonLinks",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "Phenomena",
                schema: "reporting");

            migrationBuilder.DropIndex(
                name: "IX_PhenomenonReports_PhenomenonId",
                schema: "reporting",
                table: "PhenomenonReports");

            migrationBuilder.DropColumn(
                name: "PhenomenonId",
                schema: "reporting",
                table: "PhenomenonReports");
        }
    }
}
