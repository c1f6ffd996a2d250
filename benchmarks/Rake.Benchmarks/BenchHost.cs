using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Rake.Host;

namespace Rake.Benchmarks;

/// <summary>Builds the real Rake Host in-process (<see cref="RakeHost.BuildAsync"/>: migrations, and in demo mode demo users and data).</summary>
internal static class BenchHost
{
    public static Task<WebApplication> BuildAsync(BenchDatabase database, string environment, ILoggerProvider? extraLogger = null)
    {
        // WebApplication.CreateBuilder reads the environment, content root and URLs from its args before `configure`
        // runs, so they go in as arguments. The content root is the output folder, where the Host's appsettings.json is.
        string[] args =
        [
            "--environment", environment,
            "--urls", "http://127.0.0.1:0",
            "--contentRoot", AppContext.BaseDirectory,
        ];
        return RakeHost.BuildAsync(args, builder =>
        {
            builder.Configuration["Database:Provider"] = database.Provider.ToString();
            builder.Configuration["Database:ConnectionString"] = database.ConnectionString;
            // Console logging per request would be measured too: warnings and errors only, EF's own error lines are
            // counted by extraLogger instead of printed.
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Configuration["Logging:Console:LogLevel:Microsoft.EntityFrameworkCore"] = "None";
            if (!builder.Configuration.GetSection("Rake:Regions").Exists())
            {
                // appsettings.json missing from the output folder: the same regions as the Host's appsettings.json.
                string[][] regions = [["kainuu", "Kainuun hyvinvointialue"], ["kymenlaakso", "Kymenlaakson hyvinvointialue"], ["keski-suomi", "Keski-Suomen hyvinvointialue"]];
                for (var i = 0; i < regions.Length; i++)
                {
                    builder.Configuration[$"Rake:Regions:{i}:Code"] = regions[i][0];
                    builder.Configuration[$"Rake:Regions:{i}:NameFi"] = regions[i][1];
                }
            }
            if (extraLogger is not null)
            {
                builder.Logging.AddProvider(extraLogger);
            }
        });
    }
}

/// <summary>
/// Counts EF's failed SaveChanges (logged at Error by <c>Microsoft.EntityFrameworkCore.Update</c>). During the load test
/// these are the report-number clashes that <c>SubmitReportHandler</c> retries, or lock time-outs.
/// </summary>
internal sealed class DbErrorCounter : ILoggerProvider, ILogger
{
    private int uniqueViolations;
    private int otherErrors;
    private string? firstOther;

    public int UniqueViolations => Volatile.Read(ref uniqueViolations);

    public int OtherErrors => Volatile.Read(ref otherErrors);

    public string? FirstOther => firstOther;

    public void Reset()
    {
        Interlocked.Exchange(ref uniqueViolations, 0);
        Interlocked.Exchange(ref otherErrors, 0);
        firstOther = null;
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName == "Microsoft.EntityFrameworkCore.Update" ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }
        var text = exception?.InnerException?.Message ?? exception?.Message ?? formatter(state, exception);
        if (text.Contains("UNIQUE constraint", StringComparison.OrdinalIgnoreCase) || text.Contains("23505", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref uniqueViolations);
        }
        else
        {
            Interlocked.Increment(ref otherErrors);
            Interlocked.CompareExchange(ref firstOther, text, null);
        }
    }

    public void Dispose()
    {
    }
}
