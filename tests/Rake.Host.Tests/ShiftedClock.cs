namespace Rake.Host.Tests;

/// <summary>
/// The real clock plus an offset a test moves forward and back (docs/adr/0181). At offset zero it is the system clock, so a host
/// shared by several test classes behaves as usual for every class that does not move it; timers and timestamps stay real, so
/// background workers keep their pace. A test that moves it puts it back in <c>finally</c> with <see cref="Reset"/>.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>Moves the clock on by <paramref name="by"/> from where it is.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "The test clock only moves forward; Reset puts it back.");
        }
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }

    /// <summary>Back to the real time.</summary>
    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}
