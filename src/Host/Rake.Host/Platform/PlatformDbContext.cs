using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Host.Platform;

public sealed class RakeUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>When the account was taken out of use (a leaver, docs/adr/0099); null while it is in use.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>The user name of the administrator who took the account out of use.</summary>
    public string? DeactivatedBy { get; set; }
}

/// <summary>A region of the catalogue, the source of truth: configuration only seeds regions missing here (docs/adr/0096).</summary>
public sealed class RegionRecord
{
    public string Code { get; set; } = "";
    public string NameFi { get; set; } = "";
    public string NameSv { get; set; } = "";
    public string NameEn { get; set; } = "";
    public bool Active { get; set; } = true;
}

/// <summary>A person's role in one region. Roles are per region, so they are not Identity's global roles.</summary>
public sealed class RegionRoleAssignment
{
    public Guid UserId { get; set; }
    public string RegionCode { get; set; } = "";
    public RegionRole Role { get; set; }
}

/// <summary>Identity and the region catalogue: the Host's own data, in the <c>platform</c> schema.</summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, RegionRoleCache? roleCache = null)
    : IdentityUserContext<RakeUser, Guid>(options), IDataProtectionKeyContext
{
    public const string SchemaName = "platform";

    /// <summary>A save that adds, changes or removes a role or an account empties the role cache before and after the write
    /// (docs/adr/0196): a request that read the roles meanwhile uses its answer once, and the next one reads them again.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var changesAccess = ChangesAccess();
        ForgetRoles(changesAccess);
        var written = base.SaveChanges(acceptAllChangesOnSuccess);
        ForgetRoles(changesAccess);
        return written;
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var changesAccess = ChangesAccess();
        ForgetRoles(changesAccess);
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        ForgetRoles(changesAccess);
        return written;
    }

    private bool ChangesAccess()
    {
        if (roleCache is null)
        {
            return false;
        }
        ChangeTracker.DetectChanges();
        return ChangeTracker.Entries().Any(e =>
            e.Entity is RegionRoleAssignment or RakeUser && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
    }

    private void ForgetRoles(bool changesAccess)
    {
        if (changesAccess)
        {
            roleCache!.InvalidateAll();
        }
    }

    public DbSet<RegionRecord> Regions => Set<RegionRecord>();
    public DbSet<RegionRoleAssignment> RegionRoles => Set<RegionRoleAssignment>();
    public DbSet<SignOn.RegionIdentityProviderRecord> RegionIdentityProviders => Set<SignOn.RegionIdentityProviderRecord>();

    /// <summary>Changes of people's rights (roles given and removed, deactivation, hand-over), per region.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The data-protection key ring every Host shares (docs/adr/0093).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<RakeUser>().Property(u => u.DisplayName).HasMaxLength(200);
        builder.Entity<RegionRecord>(b =>
        {
            b.ToTable("Regions");
            b.HasKey(r => r.Code);
            b.Property(r => r.Code).HasMaxLength(40);
            b.Property(r => r.NameFi).HasMaxLength(200);
            b.Property(r => r.NameSv).HasMaxLength(200);
            b.Property(r => r.NameEn).HasMaxLength(200);
        });
        builder.Entity<RegionRoleAssignment>(b =>
        {
            b.ToTable("RegionRoles");
            b.HasKey(r => new { r.UserId, r.RegionCode, r.Role });
            b.Property(r => r.RegionCode).HasMaxLength(40);
            b.Property(r => r.Role).HasConversion<string>().HasMaxLength(40);
            b.HasIndex(r => new { r.RegionCode, r.Role });
        });
        builder.ApplyConfiguration(new People.PeopleModelConfiguration());
        builder.ApplyConfiguration(new People.PeopleAuditConfiguration());
        builder.ApplyConfiguration(new SignOn.RegionIdentityProviderConfiguration());
        Sessions.ConfigureKeyTable(builder);
        SqliteNaming.ApplySchema(builder, Database, SchemaName);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        SqliteNaming.ConfigureInstants(configurationBuilder, Database);
}
