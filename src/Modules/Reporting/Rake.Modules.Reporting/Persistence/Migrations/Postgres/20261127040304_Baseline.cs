using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Reporting.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "reporting");

            migrationBuilder.CreateTable(
                name: "AnnualReports",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Introduction = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ActionsTaken = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    PlanEvaluation = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Conclusions = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                schema: "reporting",
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
                name: "CompilationNotes",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PeriodId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReportNumber = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompilationNotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportedRows",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SourceRowId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedRows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxRecords",
                schema: "reporting",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxRecords", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportNumber = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EventType = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhenomenonReports",
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
                    RelatedReports = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Draft = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    Decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhenomenonReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                schema: "reporting",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PeriodScheme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.RegionCode);
                });

            migrationBuilder.CreateTable(
                name: "SocialReports",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PhenomenonType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Proposal = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    TriedAlready = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ServiceArea = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Municipality = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TargetGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SupervisorId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupervisorUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SupervisorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WarningsConfirmed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Supervisors",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ServiceArea = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervisors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaxonomyTerms",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NameFi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameSv = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxonomyTerms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PhenomenonEntries",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PhenomenonReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhenomenonEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhenomenonEntries_PhenomenonReports_PhenomenonReportId",
                        column: x => x.PhenomenonReportId,
                        principalSchema: "reporting",
                        principalTable: "PhenomenonReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoReporters",
                schema: "reporting",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoReporters", x => new { x.ReportId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CoReporters_SocialReports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "reporting",
                        principalTable: "SocialReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportCategories",
                schema: "reporting",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCategories", x => new { x.ReportId, x.Code });
                    table.ForeignKey(
                        name: "FK_ReportCategories_SocialReports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "reporting",
                        principalTable: "SocialReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisorRecords",
                schema: "reporting",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CoreOfReport = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CommunicationGoal = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Audience = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CoreMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ChannelAndMethod = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Timing = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Responsible = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FollowUp = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Priority = table.Column<int>(type: "integer", nullable: true),
                    Result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisorRecords", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_SupervisorRecords_SocialReports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "reporting",
                        principalTable: "SocialReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TimelineEntries",
                schema: "reporting",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelineEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimelineEntries_SocialReports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "reporting",
                        principalTable: "SocialReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_RegionCode_Year",
                schema: "reporting",
                table: "AnnualReports",
                columns: new[] { "RegionCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_RegionCode_At",
                schema: "reporting",
                table: "AuditEntries",
                columns: new[] { "RegionCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CompilationNotes_RegionCode_PeriodId",
                schema: "reporting",
                table: "CompilationNotes",
                columns: new[] { "RegionCode", "PeriodId" });

            migrationBuilder.CreateIndex(
                name: "IX_CoReporters_RegionCode_UserId",
                schema: "reporting",
                table: "CoReporters",
                columns: new[] { "RegionCode", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedRows_RegionCode_ContentHash",
                schema: "reporting",
                table: "ImportedRows",
                columns: new[] { "RegionCode", "ContentHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RegionCode_UserId_ReadAt",
                schema: "reporting",
                table: "Notifications",
                columns: new[] { "RegionCode", "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt",
                schema: "reporting",
                table: "OutboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PhenomenonEntries_PhenomenonReportId",
                schema: "reporting",
                table: "PhenomenonEntries",
                column: "PhenomenonReportId");

            migrationBuilder.CreateIndex(
                name: "IX_PhenomenonReports_RegionCode_CreatedAt",
                schema: "reporting",
                table: "PhenomenonReports",
                columns: new[] { "RegionCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialReports_RegionCode_Number",
                schema: "reporting",
                table: "SocialReports",
                columns: new[] { "RegionCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialReports_RegionCode_ReceivedAt",
                schema: "reporting",
                table: "SocialReports",
                columns: new[] { "RegionCode", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialReports_RegionCode_ReporterId",
                schema: "reporting",
                table: "SocialReports",
                columns: new[] { "RegionCode", "ReporterId" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialReports_RegionCode_SupervisorId",
                schema: "reporting",
                table: "SocialReports",
                columns: new[] { "RegionCode", "SupervisorId" });

            migrationBuilder.CreateIndex(
                name: "IX_Supervisors_RegionCode_UserId",
                schema: "reporting",
                table: "Supervisors",
                columns: new[] { "RegionCode", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaxonomyTerms_RegionCode_Kind_Code",
                schema: "reporting",
                table: "TaxonomyTerms",
                columns: new[] { "RegionCode", "Kind", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_ReportId",
                schema: "reporting",
                table: "TimelineEntries",
                column: "ReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnnualReports",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "AuditEntries",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "CompilationNotes",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "CoReporters",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "ImportedRows",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "InboxRecords",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "Notifications",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "PhenomenonEntries",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "ReportCategories",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "Settings",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "SupervisorRecords",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "Supervisors",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "TaxonomyTerms",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "TimelineEntries",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "PhenomenonReports",
                schema: "reporting");

            migrationBuilder.DropTable(
                name: "SocialReports",
                schema: "reporting");
        }
    }
}
