using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.Workflows.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflows_AuditEntries",
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
                    table.PrimaryKey("PK_workflows_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_Bookmarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookmarkId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActivityType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_Bookmarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_DefinitionVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLatest = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_DefinitionVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_InboxRecords",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_InboxRecords", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "workflows_Instances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", nullable: false),
                    Journal = table.Column<string>(type: "TEXT", nullable: false),
                    FaultMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ExecutingSince = table.Column<long>(type: "INTEGER", nullable: true),
                    ExecutingOn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_Instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_OutboxMessages",
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
                    table.PrimaryKey("PK_workflows_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflows_Triggers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CronExpression = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NextFireAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflows_Triggers", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_AuditEntries_RegionCode_At",
                table: "workflows_AuditEntries",
                columns: new[] { "RegionCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_InstanceId_BookmarkId",
                table: "workflows_Bookmarks",
                columns: new[] { "InstanceId", "BookmarkId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_Kind_CompletedAt_DueAt",
                table: "workflows_Bookmarks",
                columns: new[] { "Kind", "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_RegionCode_Kind_Name_CompletedAt",
                table: "workflows_Bookmarks",
                columns: new[] { "RegionCode", "Kind", "Name", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Bookmarks_RegionCode_Kind_Role_CompletedAt",
                table: "workflows_Bookmarks",
                columns: new[] { "RegionCode", "Kind", "Role", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_DefinitionVersions_RegionCode_DefinitionId_Version",
                table: "workflows_DefinitionVersions",
                columns: new[] { "RegionCode", "DefinitionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workflows_DefinitionVersions_RegionCode_IsLatest",
                table: "workflows_DefinitionVersions",
                columns: new[] { "RegionCode", "IsLatest" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Instances_RegionCode_DefinitionId_CreatedAt",
                table: "workflows_Instances",
                columns: new[] { "RegionCode", "DefinitionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Instances_RegionCode_Status_CreatedAt",
                table: "workflows_Instances",
                columns: new[] { "RegionCode", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflows_OutboxMessages_ProcessedAt",
                table: "workflows_OutboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Triggers_NextFireAt",
                table: "workflows_Triggers",
                column: "NextFireAt");

            migrationBuilder.CreateIndex(
                name: "IX_workflows_Triggers_RegionCode_DefinitionId",
                table: "workflows_Triggers",
                columns: new[] { "RegionCode", "DefinitionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflows_AuditEntries");

            migrationBuilder.DropTable(
                name: "workflows_Bookmarks");

            migrationBuilder.DropTable(
                name: "workflows_DefinitionVersions");

            migrationBuilder.DropTable(
                name: "workflows_InboxRecords");

            migrationBuilder.DropTable(
                name: "workflows_Instances");

            migrationBuilder.DropTable(
                name: "workflows_OutboxMessages");

            migrationBuilder.DropTable(
                name: "workflows_Triggers");
        }
    }
}
