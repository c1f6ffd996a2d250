using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Host.Platform.People;

internal sealed class PeopleModelConfiguration : IEntityTypeConfiguration<RakeUser>
{
    public void Configure(EntityTypeBuilder<RakeUser> builder) => builder.Property(u => u.DeactivatedBy).HasMaxLength(256);
}

/// <summary>The platform's own audit rows: the same shape as the modules' (<see cref="AuditEntry"/>), read by the audit API.</summary>
internal sealed class PeopleAuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
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
        b.HasIndex(a => new { a.RegionCode, a.EntityType, a.EntityId });
    }
}

/// <summary>
/// A deactivated account is not "confirmed": <see cref="SignInManager{TUser}.CanSignInAsync"/> then refuses every sign-in
/// (password, token, and the external sign-in of single sign-on) before the password is even checked.
/// </summary>
internal sealed class ActiveAccountConfirmation : IUserConfirmation<RakeUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<RakeUser> manager, RakeUser user) => Task.FromResult(user.DeactivatedAt is null);
}
