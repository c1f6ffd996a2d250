using Rake.BuildingBlocks.Messaging;

namespace Rake.Host.Tests;

/// <summary>The woken dispatcher claims only from the outboxes that were written (docs/adr/0156).</summary>
public sealed class OutboxSignalTests
{
    private sealed class FirstContext;

    private sealed class SecondContext;

    [Fact]
    public async Task A_commit_wakes_the_dispatcher_and_names_only_its_own_outbox_once()
    {
        var signal = new OutboxSignal();
        signal.Notify(typeof(FirstContext));
        signal.Notify(typeof(FirstContext));

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Equal(new[] { typeof(FirstContext) }, signal.TakeWritten()!);
        Assert.Empty(signal.TakeWritten()!);
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }

    [Fact]
    public async Task A_notice_without_a_source_asks_for_every_outbox_once()
    {
        var signal = new OutboxSignal();
        signal.Notify(typeof(SecondContext));
        signal.Notify();

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.Null(signal.TakeWritten());
        Assert.Empty(signal.TakeWritten()!);
    }
}
