using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Communications.Persistence.Migrations;

/// <summary>Written by hand (docs/adr/0003); the schema drift test checks it against the model on SQLite and PostgreSQL.</summary>
[DbContext(typeof(CommunicationsDbContext))]
[Migration("20261122000002_Communications")]
internal sealed class M0002_Communications : Migration
{
    private const string Schema = CommunicationsDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        var s = mb.SchemaFor(Schema);
        var instant = mb.InstantColumnType();
        string T(string table) => mb.TableFor(Schema, table);

        mb.CreateTable(T("PlanRows"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            SortOrder = t.Column<int>(nullable: false),
            TargetGroup = t.Column<string>(maxLength: 200, nullable: false),
            Goals = t.Column<string>(maxLength: 2000, nullable: false),
            Channels = t.Column<string>(maxLength: 2000, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("PlanRows")}", x => x.Id));
        mb.CreateIndex($"IX_{T("PlanRows")}_RegionCode_SortOrder", T("PlanRows"), ["RegionCode", "SortOrder"], s);

        mb.CreateTable(T("PlannedCommunications"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            What = t.Column<string>(maxLength: 2000, nullable: false),
            Audience = t.Column<string>(maxLength: 2000, nullable: true),
            CoreMessage = t.Column<string>(maxLength: 2000, nullable: true),
            Channel = t.Column<string>(maxLength: 2000, nullable: true),
            Timing = t.Column<string>(maxLength: 2000, nullable: true),
            Responsible = t.Column<string>(maxLength: 2000, nullable: true),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            SourceReportNumber = t.Column<int>(nullable: true),
            SourceDecision = t.Column<string>(maxLength: 200, nullable: true),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("PlannedCommunications")}", x => x.Id));
        mb.CreateIndex($"IX_{T("PlannedCommunications")}_RegionCode_SourceReportNumber", T("PlannedCommunications"), ["RegionCode", "SourceReportNumber"], s, unique: true);

        mb.CreateTable(T("Publications"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Channel = t.Column<string>(maxLength: 20, nullable: false),
            Language = t.Column<string>(maxLength: 2, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Summary = t.Column<string>(maxLength: 500, nullable: true),
            Body = t.Column<string>(maxLength: 20000, nullable: false),
            SourceDecision = t.Column<string>(maxLength: 500, nullable: true),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            CreatedBy = t.Column<string>(maxLength: 200, nullable: false),
            UpdatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            ApprovedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            ApprovedBy = t.Column<string>(maxLength: 200, nullable: true),
            PublishedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            PublishedBy = t.Column<string>(maxLength: 200, nullable: true),
            SourceKey = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Publications")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Publications")}_RegionCode_Channel_Status_PublishedAt", T("Publications"), ["RegionCode", "Channel", "Status", "PublishedAt"], s);
        mb.CreateIndex($"IX_{T("Publications")}_RegionCode_SourceKey", T("Publications"), ["RegionCode", "SourceKey"], s, unique: true);

        mb.CreateTable(T("DistributionLists"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(maxLength: 1000, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("DistributionLists")}", x => x.Id));
        mb.CreateIndex($"IX_{T("DistributionLists")}_RegionCode_Name", T("DistributionLists"), ["RegionCode", "Name"], s, unique: true);

        mb.CreateTable(T("ListMembers"), schema: s, columns: t => new
        {
            ListId = t.Column<Guid>(nullable: false),
            Email = t.Column<string>(maxLength: 256, nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey($"PK_{T("ListMembers")}", x => new { x.ListId, x.Email });
            t.ForeignKey($"FK_{T("ListMembers")}_{T("DistributionLists")}_ListId", x => x.ListId, T("DistributionLists"), "Id", s, onDelete: ReferentialAction.Cascade);
        });

        mb.CreateTable(T("MailDeliveries"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            ListId = t.Column<Guid>(nullable: true),
            To = t.Column<string>(maxLength: 256, nullable: false),
            Subject = t.Column<string>(maxLength: 300, nullable: false),
            Body = t.Column<string>(maxLength: 20000, nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Attempts = t.Column<int>(nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            NextAttemptAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            SentAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            LastError = t.Column<string>(maxLength: 2000, nullable: true),
            SourceKey = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("MailDeliveries")}", x => x.Id));
        mb.CreateIndex($"IX_{T("MailDeliveries")}_RegionCode_Status_NextAttemptAt", T("MailDeliveries"), ["RegionCode", "Status", "NextAttemptAt"], s);
        mb.CreateIndex($"IX_{T("MailDeliveries")}_RegionCode_SourceKey", T("MailDeliveries"), ["RegionCode", "SourceKey"], s);

        mb.CreateTable(T("InfoSessions"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            StartsAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            Location = t.Column<string>(maxLength: 200, nullable: true),
            Materials = t.Column<string>(maxLength: 4000, nullable: true),
            Attendance = t.Column<int>(nullable: true),
            SourceKey = t.Column<string>(maxLength: 200, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("InfoSessions")}", x => x.Id));
        mb.CreateIndex($"IX_{T("InfoSessions")}_RegionCode_StartsAt", T("InfoSessions"), ["RegionCode", "StartsAt"], s);
        mb.CreateIndex($"IX_{T("InfoSessions")}_RegionCode_SourceKey", T("InfoSessions"), ["RegionCode", "SourceKey"], s, unique: true);

        mb.CreateTable(T("Settings"), schema: s, columns: t => new
        {
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            EmailReporters = t.Column<bool>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Settings")}", x => x.RegionCode));
    }
}
