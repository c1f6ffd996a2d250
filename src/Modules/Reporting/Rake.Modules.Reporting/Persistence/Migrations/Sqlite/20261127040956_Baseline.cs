using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reporting_AnnualReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ActionsTaken = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    PlanEvaluation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Conclusions = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_AnnualReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_AuditEntries",
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
                    table.PrimaryKey("PK_reporting_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_CompilationNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReportNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_CompilationNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_ImportedRows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SourceRowId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_ImportedRows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_InboxRecords",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_InboxRecords", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "reporting_Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_PhenomenonReports",
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
                    RelatedReports = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Draft = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_PhenomenonReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_Settings",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodScheme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_Settings", x => x.RegionCode);
                });

            migrationBuilder.CreateTable(
                name: "reporting_SocialReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReporterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PhenomenonType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Proposal = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TriedAlready = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ServiceArea = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SupervisorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupervisorUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SupervisorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WarningsConfirmed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_SocialReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_Supervisors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ServiceArea = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_Supervisors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_TaxonomyTerms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameFi = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_TaxonomyTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reporting_PhenomenonEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PhenomenonReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_PhenomenonEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reporting_PhenomenonEntries_reporting_PhenomenonReports_PhenomenonReportId",
                        column: x => x.PhenomenonReportId,
                        principalTable: "reporting_PhenomenonReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_CoReporters",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_CoReporters", x => new { x.ReportId, x.UserId });
                    table.ForeignKey(
                        name: "FK_reporting_CoReporters_reporting_SocialReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reporting_SocialReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_ReportCategories",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_ReportCategories", x => new { x.ReportId, x.Code });
                    table.ForeignKey(
                        name: "FK_reporting_ReportCategories_reporting_SocialReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reporting_SocialReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_SupervisorRecords",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CoreOfReport = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CommunicationGoal = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CoreMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChannelAndMethod = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Timing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Responsible = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Priority = table.Column<int>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_SupervisorRecords", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_reporting_SupervisorRecords_reporting_SocialReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reporting_SocialReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reporting_TimelineEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reporting_TimelineEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reporting_TimelineEntries_reporting_SocialReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reporting_SocialReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_AnnualReports_RegionCode_Year",
                table: "reporting_AnnualReports",
                columns: new[] { "RegionCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reporting_AuditEntries_RegionCode_At",
                table: "reporting_AuditEntries",
                columns: new[] { "RegionCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_CompilationNotes_RegionCode_PeriodId",
                table: "reporting_CompilationNotes",
                columns: new[] { "RegionCode", "PeriodId" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_CoReporters_RegionCode_UserId",
                table: "reporting_CoReporters",
                columns: new[] { "RegionCode", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_ImportedRows_RegionCode_ContentHash",
                table: "reporting_ImportedRows",
                columns: new[] { "RegionCode", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reporting_Notifications_RegionCode_UserId_ReadAt",
                table: "reporting_Notifications",
                columns: new[] { "RegionCode", "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_OutboxMessages_ProcessedAt",
                table: "reporting_OutboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_PhenomenonEntries_PhenomenonReportId",
                table: "reporting_PhenomenonEntries",
                column: "PhenomenonReportId");

            migrationBuilder.CreateIndex(
                name: "IX_reporting_PhenomenonReports_RegionCode_CreatedAt",
                table: "reporting_PhenomenonReports",
                columns: new[] { "RegionCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_SocialReports_RegionCode_Number",
                table: "reporting_SocialReports",
                columns: new[] { "RegionCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reporting_SocialReports_RegionCode_ReceivedAt",
                table: "reporting_SocialReports",
                columns: new[] { "RegionCode", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_SocialReports_RegionCode_ReporterId",
                table: "reporting_SocialReports",
                columns: new[] { "RegionCode", "ReporterId" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_SocialReports_RegionCode_SupervisorId",
                table: "reporting_SocialReports",
                columns: new[] { "RegionCode", "SupervisorId" });

            migrationBuilder.CreateIndex(
                name: "IX_reporting_Supervisors_RegionCode_UserId",
                table: "reporting_Supervisors",
                columns: new[] { "RegionCode", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reporting_TaxonomyTerms_RegionCode_Kind_Code",
                table: "reporting_TaxonomyTerms",
                columns: new[] { "RegionCode", "Kind", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reporting_TimelineEntries_ReportId",
                table: "reporting_TimelineEntries",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reporting_AnnualReports");

            migrationBuilder.DropTable(
                name: "reporting_AuditEntries");

            migrationBuilder.DropTable(
                name: "reporting_CompilationNotes");

            migrationBuilder.DropTable(
                name: "reporting_CoReporters");

            migrationBuilder.DropTable(
                name: "reporting_ImportedRows");

            migrationBuilder.DropTable(
                name: "reporting_InboxRecords");

            migrationBuilder.DropTable(
                name: "reporting_Notifications");

            migrationBuilder.DropTable(
                name: "reporting_OutboxMessages");

            migrationBuilder.DropTable(
                name: "reporting_PhenomenonEntries");

            migrationBuilder.DropTable(
                name: "reporting_ReportCategories");

            migrationBuilder.DropTable(
                name: "reporting_Settings");

            migrationBuilder.DropTable(
                name: "reporting_SupervisorRecords");

            migrationBuilder.DropTable(
                name: "reporting_Supervisors");

            migrationBuilder.DropTable(
                name: "reporting_TaxonomyTerms");

            migrationBuilder.DropTable(
                name: "reporting_TimelineEntries");

            migrationBuilder.DropTable(
                name: "reporting_PhenomenonReports");

            migrationBuilder.DropTable(
                name: "reporting_SocialReports");
        }
    }
}
