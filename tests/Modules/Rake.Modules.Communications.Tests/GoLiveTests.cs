using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Features.GoLive;

namespace Rake.Modules.Communications.Tests;

/// <summary>The communication plan's go-live item is done from its first row, counted in this region only.</summary>
public sealed class GoLiveTests
{
    [Fact]
    public async Task The_plan_is_done_once_it_has_a_row_of_this_region()
    {
        await using var services = new TestServices();
        var source = new CommunicationsGoLive(services.Db);
        var empty = Assert.Single(await source.GoLiveItemsAsync(CancellationToken.None));
        Assert.Equal(("Communications", "communications.plan", false, "communications/plan", 0),
            (empty.Module, empty.Key, empty.Done, empty.Link, empty.Count));

        // A row of another region is not this region's plan.
        services.Db.PlanRows.Add(new PlanRow
        {
            Id = Guid.NewGuid(), RegionCode = "keski-suomi", TargetGroup = "Kuntalaiset", Goals = "Tieto", Channels = "Verkko",
        });
        await services.Db.SaveChangesAsync();
        Assert.False(Assert.Single(await source.GoLiveItemsAsync(CancellationToken.None)).Done);

        services.Db.PlanRows.Add(new PlanRow { Id = Guid.NewGuid(), TargetGroup = "Henkilöstö", Goals = "Tieto", Channels = "Intranet" });
        await services.Db.SaveChangesAsync();
        var done = Assert.Single(await source.GoLiveItemsAsync(CancellationToken.None));
        Assert.Equal((true, 1), (done.Done, done.Count));
    }
}
