namespace Rake.Host.Platform;

/// <summary>
/// Keeps the startup lock until the Host has started (so Quartz's schema and first check-in are also one Host at a time),
/// and lets go of it when the Host stops or is disposed without having started.
/// </summary>
internal sealed class StartupLockHolder(IHostApplicationLifetime lifetime) : IAsyncDisposable
{
    private IAsyncDisposable? held;

    public void Hold(IAsyncDisposable value)
    {
        held = value;
        lifetime.ApplicationStarted.Register(Release);
        lifetime.ApplicationStopping.Register(Release);
    }

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref held, null)?.DisposeAsync() ?? ValueTask.CompletedTask;

    private void Release() => _ = DisposeAsync().AsTask();
}
