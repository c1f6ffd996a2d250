namespace Rake.Modules.WorkingGroup.Features;

/// <summary>Finds the region's bodies, meetings and people; what is not in this region is not found.</summary>
internal sealed class WgLookup(WorkingGroupDbContext db, IRequestContext actor, IUserDirectory users, TextCatalog texts)
{
    public async Task<Body> BodyAsync(Guid id, CancellationToken ct) =>
        await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException(texts["wg.notFound.body"]);

    public async Task<Meeting> MeetingAsync(Guid id, CancellationToken ct, bool tracked = false)
    {
        var query = tracked ? db.Meetings : db.Meetings.AsNoTracking();
        return await query.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException(texts["wg.notFound.meeting"]);
    }

    /// <summary>A person holding any role in this region; people of other regions are not found.</summary>
    public async Task<UserRef?> RegionUserAsync(string? userName, CancellationToken ct)
    {
        var name = userName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }
        var user = await users.FindByUserNameAsync(name, ct);
        return user is not null && (await users.RolesAsync(user.Id, actor.RequireRegion(), ct)).Count > 0 ? user : null;
    }

    /// <summary>
    /// The people a member can be picked from: whoever holds a role in this region. A leaver loses every role here when
    /// deactivated, so deactivated people are not offered.
    /// </summary>
    public async Task<IReadOnlyList<UserRef>> RegionPeopleAsync(CancellationToken ct)
    {
        var region = actor.RequireRegion();
        var people = new Dictionary<Guid, UserRef>();
        foreach (var role in Enum.GetValues<RegionRole>())
        {
            foreach (var user in await users.UsersInRoleAsync(region, role, ct))
            {
                people.TryAdd(user.Id, user);
            }
        }
        return people.Values.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ThenBy(u => u.UserName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The body with its member count and next scheduled meeting, as lists and meeting pages show it.</summary>
    public async Task<BodyRow> BodyRowAsync(Body body, DateTimeOffset now, CancellationToken ct)
    {
        var count = await db.Members.CountAsync(m => m.BodyId == body.Id, ct);
        var next = await db.Meetings.Where(m => m.BodyId == body.Id && m.StartsAt >= now && m.Status == MeetingStatus.Scheduled)
            .OrderBy(m => m.StartsAt).Select(m => (DateTimeOffset?)m.StartsAt).FirstOrDefaultAsync(ct);
        return new BodyRow(body, count, next);
    }
}
