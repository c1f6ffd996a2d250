using System.Collections.Concurrent;
using Rake.BuildingBlocks.Contracts;

namespace Rake.Modules.Reporting.Domain;

/// <summary>
/// Report numbers run per region without gaps. A process lets one submission of a region take a number at a time
/// (a region receives reports at human pace, so the queue is short); the unique index on (region, number) is what
/// guards against another process on the same database.
/// </summary>
internal sealed class ReportNumbering
{
    public const int MaxAttempts = 10;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> turns = new();

    public async Task<IDisposable> TakeTurnAsync(RegionId region, CancellationToken ct)
    {
        var turn = turns.GetOrAdd(region.Code, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        return new Turn(turn);
    }

    /// <summary>A random, growing pause, so two processes that clashed do not clash again in step.</summary>
    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt);

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
