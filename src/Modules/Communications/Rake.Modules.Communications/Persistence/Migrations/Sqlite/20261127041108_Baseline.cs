using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Communications.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "communications_AuditEntries",
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
                    table.PrimaryKey("PK_communications_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communications_DistributionLists",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_DistributionLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communications_InboxRecords",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_InboxRecords", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "communications_InfoSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Materials = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_InfoSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communications_MailDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ListId = table.Column<Guid>(type: "TEXT", nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_MailDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communications_OutboxMessages",
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
                    table.PrimaryKey("PK_communications_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communications_PlannedCommunications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CoreMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Timing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Responsible = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceReportNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    SourceDecision = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_PlannedCommunications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communications_PlanRows",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Goals = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Channels = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_PlanRows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communications_Publications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SourceDecision = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_Publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "communications_Settings",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EmailReporters = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_Settings", x => x.RegionCode);
                });

            migrationBuilder.CreateTable(
                name: "communications_ListMembers",
                columns: table => new
                {
                    ListId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_communications_ListMembers", x => new { x.ListId, x.Email });
                    table.ForeignKey(
                        name: "FK_communications_ListMembers_communications_DistributionLists_ListId",
                        column: x => x.ListId,
                        principalTable: "communications_DistributionLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_communications_AuditEntries_RegionCode_At",
                table: "communications_AuditEntries",
                columns: new[] { "RegionCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_communications_DistributionLists_RegionCode_Name",
                table: "communications_DistributionLists",
                columns: new[] { "RegionCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_communications_InfoSessions_RegionCode_SourceKey",
                table: "communications_InfoSessions",
                columns: new[] { "RegionCode", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_communications_InfoSessions_RegionCode_StartsAt",
                table: "communications_InfoSessions",
                columns: new[] { "RegionCode", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_communications_MailDeliveries_RegionCode_SourceKey",
                table: "communications_MailDeliveries",
                columns: new[] { "RegionCode", "SourceKey" });

            migrationBuilder.CreateIndex(
                name: "IX_communications_MailDeliveries_RegionCode_Status_NextAttemptAt",
                table: "communications_MailDeliveries",
                columns: new[] { "RegionCode", "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_communications_OutboxMessages_ProcessedAt",
                table: "communications_OutboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_communications_PlannedCommunications_RegionCode_SourceReportNumber",
                table: "communications_PlannedCommunications",
                columns: new[] { "RegionCode", "SourceReportNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_communications_PlanRows_RegionCode_SortOrder",
                table: "communications_PlanRows",
                columns: new[] { "RegionCode", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_communications_Publications_RegionCode_Channel_Status_PublishedAt",
                table: "communications_Publications",
                columns: new[] { "RegionCode", "Channel", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_communications_Publications_RegionCode_SourceKey",
                table: "communications_Publications",
                columns: new[] { "RegionCode", "SourceKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "communications_AuditEntries");

            migrationBuilder.DropTable(
                name: "communications_InboxRecords");

            migrationBuilder.DropTable(
                name: "communications_InfoSessions");

            migrationBuilder.DropTable(
                name: "communications_ListMembers");

            migrationBuilder.DropTable(
                name: "communications_MailDeliveries");

            migrationBuilder.DropTable(
                name: "communications_OutboxMessages");

            migrationBuilder.DropTable(
                name: "communications_PlannedCommunications");

            migrationBuilder.DropTable(
                name: "communications_PlanRows");

            migrationBuilder.DropTable(
                name: "communications_Publications");

            migrationBuilder.DropTable(
                name: "communications_Settings");

            migrationBuilder.DropTable(
                name: "communications_DistributionLists");
        }
    }
}
