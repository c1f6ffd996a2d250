using Rake.BuildingBlocks.Contracts;

namespace Rake.BuildingBlocks.Regions;

/// <summary>Who is acting, in which region, with which roles there. One per scope (request, page operation, background job).</summary>
public interface IRequestContext
{
    RegionId? Region { get; }
    Guid? UserId { get; }
    string? UserName { get; }
    IReadOnlySet<RegionRole> Roles { get; }

    bool IsInRole(RegionRole role) => Roles.Contains(role);

    RegionId RequireRegion() => Region ?? throw new InvalidOperationException("No region has been resolved for this operation.");
}

/// <summary>The scoped, settable implementation: the Host fills it from the request, pages from their route, jobs from
/// the message.</summary>
public sealed class RequestContext : IRequestContext
{
    private static readonly IReadOnlySet<RegionRole> NoRoles = new HashSet<RegionRole>();

    public RegionId? Region { get; private set; }
    public Guid? UserId { get; private set; }
    public string? UserName { get; private set; }
    public IReadOnlySet<RegionRole> Roles { get; private set; } = NoRoles;

    public void SetRegion(RegionId region) => Region = region;

    public void SetUser(Guid userId, string userName, IEnumerable<RegionRole> roles)
    {
        UserId = userId;
        UserName = userName;
        Roles = roles.ToHashSet();
    }

    /// <summary>For system work (outbox delivery, seeding): acts in a region with no person behind it.</summary>
    public void SetSystem(RegionId region, string actor)
    {
        Region = region;
        UserId = null;
        UserName = actor;
        Roles = NoRoles;
    }
}
