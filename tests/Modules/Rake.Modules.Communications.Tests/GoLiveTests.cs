using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Features.GoLive;

namespace Rake.Modules.Communications.Tests;

/// <summary>
/// The communication plan's go-live item is done from its first row. That it counts only its own region's rows is shown on
/// the Host, where a new region's items are not done beside the demo regions' plans (GoLiveRestBrowserTests).
/// </summary>
public sealed class GoLiveTests
{
    [Fact]
    public async Task The_plan_is_done_once_it_has_a_row()
    {
        await using var services = new TestServices();
        var source = new CommunicationsGoLive(services.Db);
        var empty = Assert.Single(await source.GoLiveItemsAsync(CancellationToken.None));
        Assert.Equal(("Communications", "communications.plan", false, "communications/plan", 0),
            (empty.Module, empty.Key, empty.Done, empty.Link, empty.Count));

        services.Db.PlanRows.Add(new PlanRow { Id = Guid.NewGuid(), TargetGroup = "Henkilöstö", Goals = "Tieto", Channels = "Intranet" });
        await services.Db.SaveChangesAsync();
        var done = Assert.Single(await source.GoLiveItemsAsync(CancellationToken.None));
        Assert.Equal((true, 1), (done.Done, done.Count));
    }
}
