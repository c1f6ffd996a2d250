using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.WorkingGroup.Domain;

/// <summary>
/// A person's secret calendar address in one region (docs/adr/0120). Only the SHA-256 of the secret is kept: the address
/// is shown once, when it is made, and a copy of the database cannot be turned into a working address.
/// </summary>
internal sealed class CalendarSubscription : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid UserId { get; set; }

    /// <summary>SHA-256 of the secret in the address, 64 lower-case hex digits.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The language the person used when making it (fi, sv or en): the feed's own texts follow it.</summary>
    public string Language { get; set; } = "fi";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
