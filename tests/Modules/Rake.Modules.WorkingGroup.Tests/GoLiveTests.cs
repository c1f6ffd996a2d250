using Rake.BuildingBlocks.Contracts;
using Rake.Modules.WorkingGroup.Domain;
using Rake.Modules.WorkingGroup.Features.GoLive;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Modules.WorkingGroup.Tests;

/// <summary>
/// The go-live items: a working group and a steering group, each with a member whose term runs today; another kind of body,
/// a member whose term has ended or not begun, or a body without members does not count.
/// </summary>
public sealed class GoLiveTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(WgTestServices.Now.UtcDateTime);

    private static Task<IReadOnlyList<GoLiveItem>> ItemsAsync(WgTestServices services) =>
        services.RunAsync<WorkingGroupDbContext, IReadOnlyList<GoLiveItem>>(db =>
            new WorkingGroupGoLive(db, new FixedTime(WgTestServices.Now)).GoLiveItemsAsync(CancellationToken.None));

    private static Body Body(BodyKind kind) =>
        new() { Id = Guid.CreateVersion7(), Kind = kind, Name = $"{kind} {Guid.NewGuid():N}", CreatedAt = WgTestServices.Now };

    private static BodyMember Member(Body body, DateOnly start, DateOnly? end = null) =>
        new() { Id = Guid.CreateVersion7(), BodyId = body.Id, Name = "Jäsen", Role = MemberRole.Member, TermStart = start, TermEnd = end };

    [Fact]
    public async Task Each_group_is_done_only_with_a_member_whose_term_runs_today()
    {
        await using var services = new WgTestServices();
        var empty = await ItemsAsync(services);
        Assert.Equal([("workinggroup.steeringGroup", false, 0), ("workinggroup.workingGroup", false, 0)],
            empty.Select(i => (i.Key, i.Done, i.Count)).Order());
        Assert.All(empty, i => Assert.Equal(("WorkingGroup", "working-groups"), (i.Module, i.Link)));

        var working = Body(BodyKind.WorkingGroup);
        var steering = Body(BodyKind.SteeringGroup);
        var network = Body(BodyKind.Network);
        await services.SeedAsync(db =>
        {
            db.Bodies.AddRange(working, steering, network, Body(BodyKind.SteeringGroup));
            db.Members.AddRange(
                Member(working, Today.AddYears(-2), Today.AddDays(-1)),
                Member(steering, Today.AddDays(1)),
                Member(network, Today.AddYears(-1)));
        });
        Assert.All(await ItemsAsync(services), i => Assert.Equal((false, 0), (i.Done, i.Count)));

        await services.SeedAsync(db => db.Members.AddRange(Member(working, Today), Member(steering, Today.AddDays(-3), Today)));
        var ready = (await ItemsAsync(services)).ToDictionary(i => i.Key);
        Assert.Equal((true, 1), (ready["workinggroup.workingGroup"].Done, ready["workinggroup.workingGroup"].Count));
        Assert.Equal((true, 1), (ready["workinggroup.steeringGroup"].Done, ready["workinggroup.steeringGroup"].Count));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
