using System.Collections.Concurrent;
using System.Diagnostics;

namespace Rake.Modules.Workflows.Engine.Expressions;

/// <summary>
/// The threads scripts run on: dedicated (never the thread pool, whose stack size is the runtime's choice), each with
/// a fixed stack that Jint's stack probe measures against, kept between evaluations because a thread per evaluation
/// costs more than a short script. Workers are started on demand up to <see cref="MaxWorkers"/> and end after a minute
/// idle. A caller that stops waiting (a built-in past every limit) leaves that job to its worker and the next job
/// gets another worker, so one stuck evaluation never blocks the others.
/// </summary>
internal sealed class JavaScriptWorkers
{
    private static readonly ConcurrentDictionary<int, JavaScriptWorkers> Pools = new();
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(1);

    private readonly int stackSize;
    private readonly BlockingCollection<Job> queue = new(new ConcurrentQueue<Job>());
    private int waiting;
    private int started;
    private int busy;

    private JavaScriptWorkers(int stackSize) => this.stackSize = stackSize;

    /// <summary>At most this many evaluations run at once; more wait in the queue (and time out there if they must).</summary>
    public static int MaxWorkers { get; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Threads currently alive in every pool (for tests that check none is left busy).</summary>
    public static int LiveWorkers => Pools.Values.Sum(p => Volatile.Read(ref p.started));

    /// <summary>Workers running a job right now, in every pool: after a fault it must drop to zero (nothing left spinning).</summary>
    public static int BusyWorkers => Pools.Values.Sum(p => Volatile.Read(ref p.busy));

    public static JavaScriptWorkers For(int stackSize) => Pools.GetOrAdd(stackSize, size => new JavaScriptWorkers(size));

    /// <summary>
    /// How long a job may wait for a worker and for that worker to build its engine (once per thread) before its own
    /// clock starts: neither is the script's time, and on a loaded machine building an engine can take a second.
    /// </summary>
    public static TimeSpan StartAllowance { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Runs <paramref name="work"/> on a worker; false when it has not finished within <paramref name="wait"/> of calling
    /// the action it is given (which marks the start of the timed part), or has not reached that point in time.
    /// </summary>
    public bool TryRun<T>(Func<Action, T> work, TimeSpan wait, out T result)
    {
        var job = new Job(started => work(started)!);
        var queued = Stopwatch.GetTimestamp();
        queue.Add(job);
        EnsureWorker();
        // One wait on the job's completion, not one for its start and another for its end: each wait that blocks costs a
        // wake-up, which on a loaded machine is the dearest part of a short script (docs/adr/0192). The wait is cut into
        // slices of at most `wait`, so a job that starts late still gets exactly `wait` from its start. A Task wait, not
        // an event wait: a thread-pool thread blocked on a Task makes the pool add threads at once, so requests (/health,
        // other regions) are not starved while a script runs to its limit.
        while (!job.Done.Task.IsCompleted)
        {
            var started = job.StartedAt;
            var deadline = started != 0 ? started + Ticks(wait) : queued + Ticks(wait + StartAllowance);
            var remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                job.Abandon();
                result = default!;
                return false;
            }
            job.Done.Task.Wait(TimeSpan.FromTicks(Math.Min(Math.Max(remaining * TimeSpan.TicksPerSecond / Stopwatch.Frequency, 1),
                wait.Ticks)));
        }
        result = job.Result is T value ? value : throw (Exception)job.Result!;
        return true;
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>
    /// Starts a worker unless one is waiting for work. Workers count themselves as waiting around their take from the queue,
    /// so the count is exact; a count kept by the poster instead drifted when a caller posted its next job before the
    /// worker of the last one had marked itself idle, and a job could then wait for a worker that had left (docs/adr/0192).
    /// </summary>
    private void EnsureWorker()
    {
        while (Volatile.Read(ref waiting) == 0)
        {
            var count = Volatile.Read(ref started);
            if (count >= MaxWorkers)
            {
                return; // the job waits for a busy worker
            }
            if (Interlocked.CompareExchange(ref started, count + 1, count) == count)
            {
                new Thread(Loop, stackSize) { IsBackground = true, Name = "rake-javascript" }.Start();
                return;
            }
        }
    }

    private void Loop()
    {
        while (true)
        {
            Interlocked.Increment(ref waiting);
            var taken = queue.TryTake(out var job, IdleLifetime);
            Interlocked.Decrement(ref waiting);
            if (!taken)
            {
                // A poster that saw this worker waiting started no other: its job is in the queue by now.
                if (queue.Count > 0)
                {
                    continue;
                }
                Interlocked.Decrement(ref started);
                if (queue.Count > 0)
                {
                    EnsureWorker();
                }
                return;
            }
            Interlocked.Increment(ref busy);
            job!.Execute();
            Interlocked.Decrement(ref busy);
        }
    }

    private sealed class Job(Func<Action, object> work)
    {
        private int state; // 0 queued, 1 running, 2 abandoned
        private long startedAt;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public object? Result { get; private set; }

        /// <summary>When the timed part began (<see cref="Stopwatch"/> ticks); 0 while the job waits for a worker or its engine.</summary>
        public long StartedAt => Volatile.Read(ref startedAt);

        public void Abandon() => Interlocked.CompareExchange(ref state, 2, 0);

        public void Execute()
        {
            if (Interlocked.CompareExchange(ref state, 1, 0) != 0)
            {
                return;
            }
            try
            {
                Result = work(() => Volatile.Write(ref startedAt, Stopwatch.GetTimestamp()));
            }
            catch (Exception ex)
            {
                // Never let an exception end a worker thread: on a thread of our own it would end the process.
                Result = ex;
            }
            Done.SetResult();
        }
    }
}
