using Rake.BuildingBlocks.Persistence;

namespace Rake.Host.Platform.People;

/// <summary>
/// The rows of a person's history in one region (entity <see cref="PersonEntity"/>, the role as the changed property), as a
/// region administrator's change and a single sign-on write them alike (docs/adr/0099). They join the caller's save.
/// </summary>
internal sealed class PersonAuditTrail(PlatformDbContext db, TimeProvider clock)
{
    public const string PersonEntity = "Person";
    public const string RoleGranted = "RoleGranted";
    public const string RoleRevoked = "RoleRevoked";

    private DateTimeOffset last;

    public void Add(string regionCode, Guid? actorId, string actor, Guid personId, string action, string detail)
    {
        // Entries of one operation (each role removed, then the deactivation) keep their order in the history: a millisecond
        // apart, because SQLite's instant column keeps a tenth of a millisecond, not ticks.
        var now = clock.GetUtcNow();
        now = last = now >= last.AddMilliseconds(1) ? now : last.AddMilliseconds(1);
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            RegionCode = regionCode,
            At = now,
            UserId = actorId,
            Actor = actor,
            EntityType = PersonEntity,
            EntityId = personId.ToString(),
            Action = action,
            ChangedProperties = detail.Length <= 2000 ? detail : detail[..2000],
        });
    }
}
