using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rake.Benchmarks;

/// <summary>
/// <c>--profile true</c>: where a submission's time goes, one request at a time. Every SQL command EF runs inside a
/// measured request (EF's <c>CommandExecuted</c> diagnostic event, tagged to its request through an <see cref="AsyncLocal{T}"/>) is
/// counted with its time; commands that run outside a request (outbox dispatcher, mail worker) are counted apart.
/// </summary>
internal sealed class SqlProfile
{
    private static readonly AsyncLocal<RequestTally?> CurrentRequest = new();

    private readonly ConcurrentDictionary<string, Tally> inRequest = new();
    private readonly ConcurrentDictionary<string, Tally> background = new();
    private readonly ConcurrentBag<RequestTally> requests = [];
    private volatile bool recording;

    /// <summary>Only requests to this path are tallied.</summary>
    public string? Path { get; set; }

    public void Start()
    {
        inRequest.Clear();
        background.Clear();
        requests.Clear();
        recording = true;
    }

    public void Stop() => recording = false;

    /// <summary>Outermost middleware: the server-side time of each request, and the tag its SQL commands carry.</summary>
    public IStartupFilter StartupFilter() => new Filter(this);

    private async Task MeasureAsync(HttpContext context, RequestDelegate next)
    {
        if (!recording || !string.Equals(context.Request.Path, Path, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var tally = new RequestTally();
        CurrentRequest.Value = tally;
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            tally.ServerMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            CurrentRequest.Value = null;
            requests.Add(tally);
        }
    }

    private sealed class Filter(SqlProfile owner) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) => owner.MeasureAsync(context, following));
            next(app);
        };
    }

    public void Print(Report report)
    {
        var list = requests.ToArray();
        if (list.Length == 0)
        {
            report.Line("Profile: no request was tallied.");
            return;
        }
        double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }
        var server = Median(list.Select(r => r.ServerMs));
        var sql = Median(list.Select(r => r.SqlMs));
        var commands = Median(list.Select(r => (double)r.Commands));
        report.Line($"Profile of {list.Length} submissions one at a time (server side, median): {server:0.00} ms in the Host, " +
                    $"of which {sql:0.00} ms in {commands:0} SQL commands (EF's own timing of each)");
        Table(report, "SQL per submission", inRequest, list.Length);
        Table(report, "SQL outside requests (dispatcher, workers), per submission", background, list.Length);
    }

    private static void Table(Report report, string title, ConcurrentDictionary<string, Tally> tallies, int requests)
    {
        var rows = tallies.OrderByDescending(t => t.Value.TotalMs).Take(25)
            .Select(t => new[]
            {
                (t.Value.Count / (double)requests).ToString("0.00", CultureInfo.InvariantCulture),
                (t.Value.TotalMs / Math.Max(t.Value.Count, 1)).ToString("0.000", CultureInfo.InvariantCulture),
                t.Key,
            }).ToList();
        report.Line($"{title}: {tallies.Values.Sum(t => t.Count) / (double)requests:0.0} commands");
        report.Table(["Per request", "ms each", "Command"], rows);
    }

    private void Record(string commandText, double elapsedMs)
    {
        var key = Shorten(commandText);
        var request = CurrentRequest.Value;
        if (request is not null)
        {
            request.Commands++;
            request.SqlMs += elapsedMs;
        }
        var tally = (request is null ? background : inRequest).GetOrAdd(key, _ => new Tally());
        lock (tally)
        {
            tally.Count++;
            tally.TotalMs += elapsedMs;
        }
    }

    private static string Shorten(string sql)
    {
        var line = string.Join(" ", sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length > 110 ? line[..110] + "..." : line;
    }

    /// <summary>Listens to EF's diagnostic events (exact durations; EF's log rounds them to whole milliseconds).</summary>
    public IDisposable Subscribe() => DiagnosticListener.AllListeners.Subscribe(new ListenerObserver(this));

    private sealed class Tally
    {
        public int Count;
        public double TotalMs;
    }

    private sealed class RequestTally
    {
        public int Commands;
        public double SqlMs;
        public double ServerMs;
    }

    private sealed class ListenerObserver(SqlProfile owner) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private static readonly string Executed = RelationalEventId.CommandExecuted.Name!;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(this, name => owner.recording && name == Executed);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is CommandExecutedEventData data)
            {
                owner.Record(data.Command.CommandText, data.Duration.TotalMilliseconds);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
