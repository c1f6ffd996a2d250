using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rake.Host.Platform.SignOn;

/// <summary>
/// A region's own identity provider (docs/adr/0096): one row per region that signs in through single sign-on.
/// The client secret is stored only as a data-protection payload; the list columns hold one value per line.
/// </summary>
public sealed class RegionIdentityProviderRecord
{
    public string RegionCode { get; set; } = "";
    public string Authority { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string? ProtectedClientSecret { get; set; }
    public string Scopes { get; set; } = "";
    public string GroupClaim { get; set; } = "";

    /// <summary>Lines of <c>group=Role</c>.</summary>
    public string GroupRoles { get; set; } = "";
    public string AllowedEmailDomains { get; set; } = "";
    public string? ApiAudience { get; set; }

    /// <summary>Changes with every save, so each Host can tell that its handler options are stale.</summary>
    public Guid Version { get; set; }
}

internal sealed class RegionIdentityProviderConfiguration : IEntityTypeConfiguration<RegionIdentityProviderRecord>
{
    public void Configure(EntityTypeBuilder<RegionIdentityProviderRecord> b)
    {
        b.ToTable("RegionIdentityProviders");
        b.HasKey(p => p.RegionCode);
        b.Property(p => p.RegionCode).HasMaxLength(40);
        b.Property(p => p.Authority).HasMaxLength(500);
        b.Property(p => p.ClientId).HasMaxLength(200);
        b.Property(p => p.ProtectedClientSecret).HasMaxLength(4000);
        b.Property(p => p.Scopes).HasMaxLength(1000);
        b.Property(p => p.GroupClaim).HasMaxLength(200);
        b.Property(p => p.GroupRoles).HasMaxLength(8000);
        b.Property(p => p.AllowedEmailDomains).HasMaxLength(4000);
        b.Property(p => p.ApiAudience).HasMaxLength(500);
        b.HasOne<RegionRecord>().WithOne().HasForeignKey<RegionIdentityProviderRecord>(p => p.RegionCode).OnDelete(DeleteBehavior.Cascade);
    }
}
