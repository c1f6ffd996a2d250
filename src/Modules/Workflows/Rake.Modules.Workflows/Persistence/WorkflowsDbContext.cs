using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;

namespace Rake.Modules.Workflows.Persistence;

internal sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options, IRequestContext requestContext, TimeProvider clock,
    OutboxSignal outboxSignal)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public const string SchemaName = "workflows";

    public override string Schema => SchemaName;

    public DbSet<WorkflowDefinitionVersion> Definitions => Set<WorkflowDefinitionVersion>();
    public DbSet<WorkflowInstanceRecord> Instances => Set<WorkflowInstanceRecord>();
    public DbSet<WorkflowBookmarkRecord> Bookmarks => Set<WorkflowBookmarkRecord>();
    public DbSet<WorkflowTriggerRecord> Triggers => Set<WorkflowTriggerRecord>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WorkflowDefinitionVersion>(b =>
        {
            b.ToTable("DefinitionVersions");
            b.HasKey(d => d.Id);
            b.Property(d => d.DefinitionId).HasMaxLength(WorkflowDefinitionVersion.DefinitionIdMax);
            b.Property(d => d.Name).HasMaxLength(WorkflowDefinitionVersion.NameMax);
            b.Property(d => d.CreatedBy).HasMaxLength(256);
            // Finding the latest (published) version is a seek on this index however many versions there are.
            b.HasIndex(d => new { d.RegionCode, d.DefinitionId, d.Version }).IsUnique();
            b.HasIndex(d => new { d.RegionCode, d.IsLatest });
        });
        modelBuilder.Entity<WorkflowInstanceRecord>(b =>
        {
            b.ToTable("Instances");
            b.HasKey(i => i.Id);
            b.Property(i => i.DefinitionId).HasMaxLength(WorkflowDefinitionVersion.DefinitionIdMax);
            b.Property(i => i.Status).HasMaxLength(20);
            b.Property(i => i.SubStatus).HasMaxLength(20);
            b.Property(i => i.FaultMessage).HasMaxLength(2000);
            b.Property(i => i.ExecutingOn).HasMaxLength(200);
            b.Property(i => i.Revision).IsConcurrencyToken();
            b.HasIndex(i => new { i.RegionCode, i.Status, i.CreatedAt });
            b.HasIndex(i => new { i.RegionCode, i.DefinitionId, i.CreatedAt });
            b.Property(i => i.CorrelationId).HasMaxLength(WorkflowInstanceRecord.CorrelationIdMax);
            b.HasIndex(i => new { i.RegionCode, i.CorrelationId });
            // Cancelling a parent looks up its running children.
            b.HasIndex(i => new { i.RegionCode, i.ParentInstanceId });
        });
        modelBuilder.Entity<WorkflowBookmarkRecord>(b =>
        {
            b.ToTable("Bookmarks");
            b.HasKey(k => k.Id);
            b.Property(k => k.BookmarkId).HasMaxLength(40);
            b.Property(k => k.ActivityId).HasMaxLength(200);
            b.Property(k => k.ActivityType).HasMaxLength(200);
            b.Property(k => k.Kind).HasMaxLength(20);
            b.Property(k => k.Name).HasMaxLength(200);
            b.Property(k => k.Role).HasMaxLength(40);
            b.Property(k => k.CompletedBy).HasMaxLength(256);
            b.HasIndex(k => new { k.InstanceId, k.BookmarkId }).IsUnique();
            // Open bookmarks only matter: events and inboxes seek on kind + name/role with CompletedAt null.
            b.HasIndex(k => new { k.RegionCode, k.Kind, k.Name, k.CompletedAt });
            b.HasIndex(k => new { k.RegionCode, k.Kind, k.Role, k.CompletedAt });
            // The timer round looks across regions for due times.
            b.HasIndex(k => new { k.Kind, k.CompletedAt, k.DueAt });
        });
        modelBuilder.Entity<WorkflowTriggerRecord>(b =>
        {
            b.ToTable("Triggers");
            b.HasKey(t => t.Id);
            b.Property(t => t.DefinitionId).HasMaxLength(WorkflowDefinitionVersion.DefinitionIdMax);
            b.Property(t => t.ActivityId).HasMaxLength(200);
            b.Property(t => t.Kind).HasMaxLength(40);
            b.Property(t => t.CronExpression).HasMaxLength(200);
            b.Property(t => t.Revision).IsConcurrencyToken();
            // Publishing replaces a definition's triggers; the timer round looks across regions for due ones.
            b.HasIndex(t => new { t.RegionCode, t.DefinitionId });
            b.HasIndex(t => t.NextFireAt);
        });
    }
}
