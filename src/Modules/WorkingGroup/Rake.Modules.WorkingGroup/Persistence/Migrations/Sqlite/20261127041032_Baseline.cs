using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rake.Modules.WorkingGroup.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workinggroup_ActionProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TargetKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_ActionProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_AgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_AgendaItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_Assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssigneeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssigneeUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_Assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_Attendance",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_Attendance", x => new { x.MeetingId, x.MemberId });
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_AuditEntries",
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
                    table.PrimaryKey("PK_workinggroup_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_Bodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_Bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_BudgetProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ServiceArea = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_BudgetProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phenomenon = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReportNumbers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_Decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_InboxRecords",
                columns: table => new
                {
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_InboxRecords", x => new { x.EventId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OnlineUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_Meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TermStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermEnd = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_Members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_OutboxMessages",
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
                    table.PrimaryKey("PK_workinggroup_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workinggroup_WellbeingGroupNominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Municipality = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GroupName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeputyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewDue = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workinggroup_WellbeingGroupNominations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_ActionProposals_RegionCode_MeetingId",
                table: "workinggroup_ActionProposals",
                columns: new[] { "RegionCode", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_AgendaItems_RegionCode_MeetingId",
                table: "workinggroup_AgendaItems",
                columns: new[] { "RegionCode", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_AgendaItems_RegionCode_SourceKey",
                table: "workinggroup_AgendaItems",
                columns: new[] { "RegionCode", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_Assignments_RegionCode_AssigneeId",
                table: "workinggroup_Assignments",
                columns: new[] { "RegionCode", "AssigneeId" });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_Assignments_RegionCode_MeetingId",
                table: "workinggroup_Assignments",
                columns: new[] { "RegionCode", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_AuditEntries_RegionCode_At",
                table: "workinggroup_AuditEntries",
                columns: new[] { "RegionCode", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_Bodies_RegionCode_Name",
                table: "workinggroup_Bodies",
                columns: new[] { "RegionCode", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_BudgetProposals_RegionCode_Year",
                table: "workinggroup_BudgetProposals",
                columns: new[] { "RegionCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_Decisions_RegionCode_MeetingId",
                table: "workinggroup_Decisions",
                columns: new[] { "RegionCode", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_Decisions_RegionCode_SourceKey",
                table: "workinggroup_Decisions",
                columns: new[] { "RegionCode", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_Meetings_RegionCode_BodyId_StartsAt",
                table: "workinggroup_Meetings",
                columns: new[] { "RegionCode", "BodyId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_Meetings_RegionCode_SourceKey",
                table: "workinggroup_Meetings",
                columns: new[] { "RegionCode", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_Members_RegionCode_BodyId",
                table: "workinggroup_Members",
                columns: new[] { "RegionCode", "BodyId" });

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_OutboxMessages_ProcessedAt",
                table: "workinggroup_OutboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_workinggroup_WellbeingGroupNominations_RegionCode_Municipality",
                table: "workinggroup_WellbeingGroupNominations",
                columns: new[] { "RegionCode", "Municipality" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workinggroup_ActionProposals");

            migrationBuilder.DropTable(
                name: "workinggroup_AgendaItems");

            migrationBuilder.DropTable(
                name: "workinggroup_Assignments");

            migrationBuilder.DropTable(
                name: "workinggroup_Attendance");

            migrationBuilder.DropTable(
                name: "workinggroup_AuditEntries");

            migrationBuilder.DropTable(
                name: "workinggroup_Bodies");

            migrationBuilder.DropTable(
                name: "workinggroup_BudgetProposals");

            migrationBuilder.DropTable(
                name: "workinggroup_Decisions");

            migrationBuilder.DropTable(
                name: "workinggroup_InboxRecords");

            migrationBuilder.DropTable(
                name: "workinggroup_Meetings");

            migrationBuilder.DropTable(
                name: "workinggroup_Members");

            migrationBuilder.DropTable(
                name: "workinggroup_OutboxMessages");

            migrationBuilder.DropTable(
                name: "workinggroup_WellbeingGroupNominations");
        }
    }
}
