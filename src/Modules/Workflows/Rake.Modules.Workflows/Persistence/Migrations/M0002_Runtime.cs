using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Workflows.Persistence.Migrations;

/// <summary>Definitions, instances and bookmarks. Written by hand (docs/adr/0003); the schema drift test checks it against the model.</summary>
[DbContext(typeof(WorkflowsDbContext))]
[Migration("20261122000002_WorkflowsRuntime")]
internal sealed class M0002_Runtime : Migration
{
    private const string Schema = WorkflowsDbContext.SchemaName;

    protected override void Up(MigrationBuilder mb)
    {
        var s = mb.SchemaFor(Schema);
        var instant = mb.InstantColumnType();
        string T(string table) => mb.TableFor(Schema, table);

        mb.CreateTable(T("DefinitionVersions"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            DefinitionId = t.Column<string>(maxLength: 200, nullable: false),
            Version = t.Column<int>(nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Json = t.Column<string>(nullable: false),
            IsPublished = t.Column<bool>(nullable: false),
            IsLatest = t.Column<bool>(nullable: false),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            CreatedBy = t.Column<string>(maxLength: 256, nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("DefinitionVersions")}", x => x.Id));
        mb.CreateIndex($"IX_{T("DefinitionVersions")}_RegionCode_DefinitionId_Version", T("DefinitionVersions"), ["RegionCode", "DefinitionId", "Version"], s, unique: true);
        mb.CreateIndex($"IX_{T("DefinitionVersions")}_RegionCode_IsLatest", T("DefinitionVersions"), ["RegionCode", "IsLatest"], s);

        mb.CreateTable(T("Instances"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            DefinitionId = t.Column<string>(maxLength: 200, nullable: false),
            DefinitionVersion = t.Column<int>(nullable: false),
            DefinitionVersionId = t.Column<Guid>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            SubStatus = t.Column<string>(maxLength: 20, nullable: false),
            State = t.Column<string>(nullable: false),
            Journal = t.Column<string>(nullable: false),
            FaultMessage = t.Column<string>(maxLength: 2000, nullable: true),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            UpdatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            Revision = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey($"PK_{T("Instances")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Instances")}_RegionCode_Status_CreatedAt", T("Instances"), ["RegionCode", "Status", "CreatedAt"], s);
        mb.CreateIndex($"IX_{T("Instances")}_RegionCode_DefinitionId_CreatedAt", T("Instances"), ["RegionCode", "DefinitionId", "CreatedAt"], s);

        mb.CreateTable(T("Bookmarks"), schema: s, columns: t => new
        {
            Id = t.Column<Guid>(nullable: false),
            RegionCode = t.Column<string>(maxLength: 40, nullable: false),
            InstanceId = t.Column<Guid>(nullable: false),
            BookmarkId = t.Column<string>(maxLength: 40, nullable: false),
            ActivityId = t.Column<string>(maxLength: 200, nullable: false),
            ActivityType = t.Column<string>(maxLength: 200, nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Name = t.Column<string>(maxLength: 200, nullable: false),
            Role = t.Column<string>(maxLength: 40, nullable: true),
            DueAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            Payload = t.Column<string>(nullable: true),
            CreatedAt = t.Column<DateTimeOffset>(type: instant, nullable: false),
            CompletedAt = t.Column<DateTimeOffset>(type: instant, nullable: true),
            CompletedBy = t.Column<string>(maxLength: 256, nullable: true),
        }, constraints: t => t.PrimaryKey($"PK_{T("Bookmarks")}", x => x.Id));
        mb.CreateIndex($"IX_{T("Bookmarks")}_InstanceId_BookmarkId", T("Bookmarks"), ["InstanceId", "BookmarkId"], s, unique: true);
        mb.CreateIndex($"IX_{T("Bookmarks")}_RegionCode_Kind_Name_CompletedAt", T("Bookmarks"), ["RegionCode", "Kind", "Name", "CompletedAt"], s);
        mb.CreateIndex($"IX_{T("Bookmarks")}_RegionCode_Kind_Role_CompletedAt", T("Bookmarks"), ["RegionCode", "Kind", "Role", "CompletedAt"], s);
        mb.CreateIndex($"IX_{T("Bookmarks")}_Kind_CompletedAt_DueAt", T("Bookmarks"), ["Kind", "CompletedAt", "DueAt"], s);
    }
}
