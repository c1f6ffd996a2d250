using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;

namespace Rake.Host.Platform.People;

/// <summary>
/// People and their roles in the current region, for its administrators (docs/adr/0099). Everything is read and changed for
/// the request's region only; a person's roles in other regions are neither shown nor touched. Each change of rights is
/// written to the platform's audit trail in the same save.
/// </summary>
internal sealed class PeopleHandler(
    PlatformDbContext db,
    IRequestContext actor,
    IEnumerable<IOpenItemsSource> openItems,
    PersonAuditTrail audit,
    TimeProvider clock,
    TextCatalog texts)
{
    public const string PersonEntity = PersonAuditTrail.PersonEntity;

    private string Region => actor.RequireRegion().Code;

    public async Task<PagedResult<PersonSummaryDto>> SearchAsync(PeopleQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 25;
        var known = await KnownAsync(ct);
        var people = known;
        var text = query.Search?.Trim() ?? "";
        if (text.Length > 0)
        {
            var upper = text.ToUpperInvariant();
            // Any account is found by its exact user name or e-mail, so an administrator can give a first role to a newcomer;
            // only the people of this region are found by part of a name.
            people = db.Users.Where(u => (known.Select(p => p.Id).Contains(u.Id)
                    && (u.DisplayName.ToUpper().Contains(upper) || u.NormalizedUserName!.Contains(upper)
                        || u.NormalizedEmail!.Contains(upper)))
                || u.NormalizedUserName == upper || u.NormalizedEmail == upper);
        }
        if (query.Role is { Length: > 0 } roleName)
        {
            var role = Enum.Parse<RegionRole>(roleName.Trim(), ignoreCase: true);
            var holders = db.RegionRoles.Where(r => r.RegionCode == Region && r.Role == role).Select(r => r.UserId);
            people = people.Where(u => holders.Contains(u.Id));
        }
        var total = await people.CountAsync(ct);
        var rows = await Order(people, query).ThenBy(u => u.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(u => u.Id).ToList();
        var roles = await db.RegionRoles.Where(r => r.RegionCode == Region && ids.Contains(r.UserId)).AsNoTracking().ToListAsync(ct);
        var items = rows.Select(u => new PersonSummaryDto(u.Id, u.UserName ?? "", u.DisplayName, u.Email, u.DeactivatedAt is null,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Role).Order().ToList())).ToList();
        return new PagedResult<PersonSummaryDto>(items, total, page, pageSize);
    }

    private static IOrderedQueryable<RakeUser> Order(IQueryable<RakeUser> people, PeopleQuery query)
    {
        var sort = string.IsNullOrWhiteSpace(query.Sort) ? PeopleSort.Name : Enum.Parse<PeopleSort>(query.Sort.Trim(), ignoreCase: true);
        var descending = query.Descending == true;
        return sort switch
        {
            PeopleSort.UserName => descending ? people.OrderByDescending(u => u.UserName) : people.OrderBy(u => u.UserName),
            PeopleSort.Email => descending ? people.OrderByDescending(u => u.Email) : people.OrderBy(u => u.Email),
            _ => descending
                ? people.OrderByDescending(u => u.DisplayName).ThenByDescending(u => u.UserName)
                : people.OrderBy(u => u.DisplayName).ThenBy(u => u.UserName),
        };
    }

    public async Task<PersonDto> GetAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw NotFound();
        var id = userId.ToString();
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RegionCode == Region && a.EntityType == PersonEntity && a.EntityId == id)
            .OrderByDescending(a => a.At).Take(200).ToListAsync(ct);
        var items = new List<OpenItem>();
        foreach (var source in openItems)
        {
            items.AddRange(await source.OpenItemsAsync(userId, ct));
        }
        return new PersonDto(user.Id, user.UserName ?? "", user.DisplayName, user.Email, user.DeactivatedAt is null, user.DeactivatedAt,
            await RolesHereAsync(userId, ct),
            history.Select(a => new PersonHistoryDto(a.At, a.Actor, a.Action, a.ChangedProperties)).ToList(), items);
    }

    public async Task<PersonDto> GrantRoleAsync(Guid userId, RoleRequest request, CancellationToken ct)
    {
        var role = Enum.Parse<RegionRole>(request.Role!.Trim(), ignoreCase: true);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw NotFound();
        if (user.DeactivatedAt is not null)
        {
            throw new ConflictException(texts["people.conflict.deactivated"]);
        }
        if (await db.RegionRoles.AnyAsync(r => r.UserId == userId && r.RegionCode == Region && r.Role == role, ct))
        {
            throw new ConflictException(texts.Get("people.conflict.alreadyHolds", role));
        }
        db.RegionRoles.Add(new RegionRoleAssignment { UserId = userId, RegionCode = Region, Role = role });
        Audit(userId, PersonAuditTrail.RoleGranted, role.ToString());
        await db.SaveChangesAsync(ct);
        return await GetAsync(userId, ct);
    }

    public async Task<PersonDto> RevokeRoleAsync(RoleRoute route, CancellationToken ct)
    {
        var role = Enum.Parse<RegionRole>(route.Role.Trim(), ignoreCase: true);
        var assignment = await db.RegionRoles.FirstOrDefaultAsync(
            r => r.UserId == route.UserId && r.RegionCode == Region && r.Role == role, ct) ?? throw NotFound();
        if (role == RegionRole.RegionAdmin)
        {
            await RefuseLosingLastAdminAsync(route.UserId, ct);
        }
        db.RegionRoles.Remove(assignment);
        Audit(route.UserId, PersonAuditTrail.RoleRevoked, role.ToString());
        await db.SaveChangesAsync(ct);
        return await GetAsync(route.UserId, ct);
    }

    /// <summary>
    /// A leaver: removes every role the person holds in this region, and takes the account out of use when no region role
    /// is left anywhere and it holds no platform role. Their reports, tasks and assignments stay (see hand-over).
    /// </summary>
    public async Task<DeactivationDto> DeactivateAsync(Guid userId, CancellationToken ct)
    {
        var user = await FindKnownAsync(userId, ct);
        if (userId == actor.UserId)
        {
            throw new ConflictException(texts["people.conflict.self"]);
        }
        var here = await db.RegionRoles.Where(r => r.UserId == userId && r.RegionCode == Region).ToListAsync(ct);
        if (here.Any(r => r.Role == RegionRole.RegionAdmin))
        {
            await RefuseLosingLastAdminAsync(userId, ct);
        }
        foreach (var assignment in here)
        {
            db.RegionRoles.Remove(assignment);
            Audit(userId, PersonAuditTrail.RoleRevoked, assignment.Role.ToString());
        }
        var elsewhere = await db.RegionRoles.AnyAsync(r => r.UserId == userId && r.RegionCode != Region, ct);
        var platformRole = await db.UserClaims.AnyAsync(c => c.UserId == userId && c.ClaimType == PlatformRoles.ClaimType, ct);
        var deactivate = !elsewhere && !platformRole && user.DeactivatedAt is null;
        if (deactivate)
        {
            user.DeactivatedAt = clock.GetUtcNow();
            user.DeactivatedBy = actor.UserName;
            // A new stamp ends the person's signed-in sessions where cookies are validated against it.
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            Audit(userId, "Deactivated", "");
        }
        else
        {
            Audit(userId, "LeftRegion", elsewhere ? "OtherRegions" : platformRole ? "PlatformRole" : "");
        }
        await db.SaveChangesAsync(ct);
        return new DeactivationDto(here.Select(r => r.Role).Order().ToList(), deactivate);
    }

    public async Task<PersonDto> ReactivateAsync(Guid userId, CancellationToken ct)
    {
        var user = await FindKnownAsync(userId, ct);
        if (user.DeactivatedAt is null)
        {
            throw new ConflictException(texts["people.conflict.notDeactivated"]);
        }
        user.DeactivatedAt = null;
        user.DeactivatedBy = null;
        Audit(userId, "Reactivated", "");
        await db.SaveChangesAsync(ct);
        return await GetAsync(userId, ct);
    }

    public async Task<HandOverDto> HandOverAsync(Guid userId, HandOverRequest request, CancellationToken ct)
    {
        await FindKnownAsync(userId, ct);
        var toId = request.ToUserId!.Value;
        if (toId == userId)
        {
            throw new ConflictException(texts["people.conflict.handOverToSelf"]);
        }
        var to = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == toId && u.DeactivatedAt == null, ct);
        if (to is null || !await db.RegionRoles.AnyAsync(r => r.UserId == toId && r.RegionCode == Region, ct))
        {
            throw new ConflictException(texts["people.conflict.handOverTarget"]);
        }
        var target = new HandOverTarget(to.Id, to.UserName ?? "", to.DisplayName);
        var handed = new List<OpenItem>();
        foreach (var source in openItems)
        {
            handed.AddRange(await source.HandOverAsync(userId, target, request.ItemIds, ct));
        }
        var detail = string.Join(",", handed.GroupBy(i => $"{i.Module}.{i.Kind}").Select(g => $"{g.Key}×{g.Count()}"));
        Audit(userId, "HandedOver", $"{target.UserName}:{detail}");
        await db.SaveChangesAsync(ct);
        return new HandOverDto(toId, handed);
    }

    /// <summary>People this region knows: those holding a role here, and those it managed before (the audit trail says so).</summary>
    private async Task<IQueryable<RakeUser>> KnownAsync(CancellationToken ct)
    {
        var managed = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.RegionCode == Region && a.EntityType == PersonEntity)
                .Select(a => a.EntityId).Distinct().ToListAsync(ct))
            .Select(id => Guid.TryParse(id, out var g) ? g : Guid.Empty).ToList();
        var holders = db.RegionRoles.Where(r => r.RegionCode == Region).Select(r => r.UserId);
        return db.Users.Where(u => holders.Contains(u.Id) || managed.Contains(u.Id));
    }

    private async Task<RakeUser> FindKnownAsync(Guid userId, CancellationToken ct)
    {
        var known = await KnownAsync(ct);
        return await known.FirstOrDefaultAsync(u => u.Id == userId, ct) is not null
            ? await db.Users.FirstAsync(u => u.Id == userId, ct)
            : throw NotFound();
    }

    private async Task RefuseLosingLastAdminAsync(Guid userId, CancellationToken ct)
    {
        var otherAdmins = await db.RegionRoles
            .Where(r => r.RegionCode == Region && r.Role == RegionRole.RegionAdmin && r.UserId != userId)
            .Join(db.Users.Where(u => u.DeactivatedAt == null), r => r.UserId, u => u.Id, (r, _) => r.UserId)
            .AnyAsync(ct);
        if (!otherAdmins)
        {
            throw new ConflictException(texts[userId == actor.UserId ? "people.conflict.ownLastAdmin" : "people.conflict.lastAdmin"]);
        }
    }

    private async Task<IReadOnlyList<RegionRole>> RolesHereAsync(Guid userId, CancellationToken ct) =>
        (await db.RegionRoles.AsNoTracking().Where(r => r.UserId == userId && r.RegionCode == Region).Select(r => r.Role)
            .ToListAsync(ct)).Order().ToList();

    private void Audit(Guid userId, string action, string detail) =>
        audit.Add(Region, actor.UserId, actor.UserName ?? "system", userId, action, detail);

    private NotFoundException NotFound() => new(texts["people.notFound"]);
}
