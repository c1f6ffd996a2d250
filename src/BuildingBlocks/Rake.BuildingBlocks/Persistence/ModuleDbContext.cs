using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Regions;

namespace Rake.BuildingBlocks.Persistence;

/// <summary>
/// The base of every module's one DbContext: the module's own schema, a region filter on every
/// region-owned entity, and an outbox and audit trail written in the same transaction as the change.
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, IRequestContext requestContext, TimeProvider clock,
    OutboxSignal outboxSignal)
    : DbContext(options)
{
    private readonly List<IIntegrationEvent> pendingEvents = [];
    private bool eventsAwaitCommit;

    /// <summary>The module's schema (PostgreSQL) or table-name prefix (SQLite, which has no schemas).</summary>
    public abstract string Schema { get; }

    /// <summary>Read by the query filters; null (no region resolved) matches nothing.</summary>
    public string? CurrentRegionCode => requestContext.Region?.Code;

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxRecord> InboxRecords => Set<InboxRecord>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Queues an integration event; it is stored in the outbox by the next SaveChanges, atomically with the change.</summary>
    public void Publish(IIntegrationEvent integrationEvent) => pendingEvents.Add(integrationEvent);

    /// <summary>Forgets queued events of a unit of work that is being abandoned (e.g. before retrying it).</summary>
    public void DiscardPendingEvents() => pendingEvents.Clear();

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModule(modelBuilder);
        ConfigureInfrastructure(modelBuilder);
        AddRegionFilters(modelBuilder);
        SqliteNaming.ApplySchema(modelBuilder, Database, Schema);
    }

    protected sealed override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteNaming.ConfigureInstants(configurationBuilder, Database);

    protected abstract void ConfigureModule(ModelBuilder modelBuilder);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync: module data is written asynchronously.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        GuardRegionAndAudit(now);
        var hadEvents = pendingEvents.Count > 0;
        foreach (var integrationEvent in pendingEvents)
        {
            OutboxMessages.Add(OutboxMessage.For(integrationEvent));
        }
        pendingEvents.Clear();
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (hadEvents && Database.CurrentTransaction is not null)
        {
            // A dispatcher woken now would not see the messages yet; OutboxCommitSignal wakes it after the commit.
            eventsAwaitCommit = true;
        }
        else if (hadEvents)
        {
            outboxSignal.Notify(GetType());
        }
        return written;
    }

    /// <summary>Called when this context's explicit transaction ended (<see cref="OutboxCommitSignal"/>).</summary>
    internal void TransactionEnded(bool committed)
    {
        if (committed && eventsAwaitCommit)
        {
            outboxSignal.Notify(GetType());
        }
        eventsAwaitCommit = false;
    }

    private void GuardRegionAndAudit(DateTimeOffset now)
    {
        var changed = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not (OutboxMessage or InboxRecord or AuditEntry))
            .ToList();
        foreach (var entry in changed)
        {
            var regionCode = StampRegion(entry);
            AuditEntries.Add(new AuditEntry
            {
                Id = Guid.CreateVersion7(now),
                RegionCode = regionCode ?? "",
                At = now,
                UserId = requestContext.UserId,
                Actor = requestContext.UserName ?? "system",
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Action = entry.State.ToString(),
                ChangedProperties = entry.State == EntityState.Modified
                    ? string.Join(",", entry.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))
                    : "",
            });
        }
    }

    private string? StampRegion(EntityEntry entry)
    {
        if (entry.Entity is not IRegionOwned owned)
        {
            return requestContext.Region?.Code;
        }
        var current = requestContext.RequireRegion().Code;
        if (entry.State == EntityState.Added && string.IsNullOrEmpty(owned.RegionCode))
        {
            owned.RegionCode = current;
        }
        var original = entry.State == EntityState.Added ? owned.RegionCode
            : (string?)entry.Property(nameof(IRegionOwned.RegionCode)).OriginalValue;
        if (owned.RegionCode != current || original != current)
        {
            throw new InvalidOperationException(
                $"Refused to write {entry.Metadata.ClrType.Name} of region '{original}' while acting in region '{current}'.");
        }
        return current;
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join("|", key.Properties.Select(p => entry.Property(p.Name).CurrentValue));
    }

    private static void ConfigureInfrastructure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("OutboxMessages");
            b.HasKey(m => m.Id);
            b.Property(m => m.RegionCode).HasMaxLength(40);
            b.Property(m => m.EventType).HasMaxLength(300);
            b.Property(m => m.LastError).HasMaxLength(2000);
            b.Property(m => m.ClaimedBy).HasMaxLength(OutboxDispatcher.DispatcherIdMax);
            b.HasIndex(m => m.ProcessedAt);
        });
        modelBuilder.Entity<InboxRecord>(b =>
        {
            b.ToTable("InboxRecords");
            b.HasKey(r => new { r.EventId, r.Handler });
            b.Property(r => r.Handler).HasMaxLength(300);
        });
        modelBuilder.Entity<AuditEntry>(b =>
        {
            b.ToTable("AuditEntries");
            b.HasKey(a => a.Id);
            b.Property(a => a.RegionCode).HasMaxLength(40);
            b.Property(a => a.Actor).HasMaxLength(256);
            b.Property(a => a.EntityType).HasMaxLength(200);
            b.Property(a => a.EntityId).HasMaxLength(200);
            b.Property(a => a.Action).HasMaxLength(40);
            b.Property(a => a.ChangedProperties).HasMaxLength(2000);
            b.HasIndex(a => new { a.RegionCode, a.At });
        });
    }

    private void AddRegionFilters(ModelBuilder modelBuilder)
    {
        var context = Expression.Constant(this);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => t.BaseType is null && typeof(IRegionOwned).IsAssignableFrom(t.ClrType)))
        {
            var row = Expression.Parameter(entityType.ClrType, "row");
            var filter = Expression.Lambda(
                Expression.Equal(
                    Expression.Property(row, nameof(IRegionOwned.RegionCode)),
                    Expression.Property(context, nameof(CurrentRegionCode))),
                row);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(filter);
            modelBuilder.Entity(entityType.ClrType).Property(nameof(IRegionOwned.RegionCode)).HasMaxLength(40).IsRequired();
        }
    }
}
