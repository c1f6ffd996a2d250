using System.Data.Common;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Rake.BuildingBlocks.Persistence;
using Rake.Host;
using Rake.Host.Platform;

namespace Rake.Benchmarks;

/// <summary>Builds the real Rake Host in-process (<see cref="RakeHost.BuildAsync"/>: migrations, and in demo mode demo users and data).</summary>
internal static class BenchHost
{
    public static Task<WebApplication> BuildAsync(BenchDatabase database, string environment, ILoggerProvider? extraLogger = null,
        Action<WebApplicationBuilder>? configure = null)
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
            if (extraLogger is not null)
            {
                // Counted and summarised by extraLogger instead of a stack trace per failed request.
                builder.Configuration[$"Logging:Console:LogLevel:{DbErrorCounter.UnhandledCategory}"] = "None";
            }
            // The content root is the output folder, which has no wwwroot; the API does not need one.
            builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "Error";
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
            if (database.IsSqlite && database.SqliteBusyTimeoutMs > 0)
            {
                AddBusyTimeout(builder.Services, new SqliteBusyTimeout(database.SqliteBusyTimeoutMs));
            }
            configure?.Invoke(builder);
        });
    }

    /// <summary>The experiment: an interceptor on every DbContext of the Host (the platform's and each module's).</summary>
    private static void AddBusyTimeout(IServiceCollection services, SqliteBusyTimeout interceptor)
    {
        var configure = typeof(EntityFrameworkServiceCollectionExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == nameof(EntityFrameworkServiceCollectionExtensions.ConfigureDbContext)
                         && m.GetParameters()[1].ParameterType == typeof(Action<DbContextOptionsBuilder>));
        var contexts = RakeModules.Create().Select(m => m.GetType().Assembly).Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(ModuleDbContext).IsAssignableFrom(t))
            .Append(typeof(PlatformDbContext));
        Action<DbContextOptionsBuilder> addInterceptor = options => options.AddInterceptors(interceptor);
        foreach (var context in contexts)
        {
            // Singleton, as the Host registers the contexts' options (docs/adr/0193).
            configure.MakeGenericMethod(context).Invoke(null, [services, addInterceptor, ServiceLifetime.Singleton]);
        }
    }
}

/// <summary>Lets SQLite itself wait for a lock (short sleeps) instead of Microsoft.Data.Sqlite's fixed 150 ms retry.</summary>
internal sealed class SqliteBusyTimeout(int milliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds}";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {milliseconds}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>
/// Counts, instead of printing, EF's failed SaveChanges (logged at Error by <c>Microsoft.EntityFrameworkCore.Update</c>;
/// during the load test the report-number clashes that <c>SubmitReportHandler</c> retries, or lock time-outs) and the
/// Host's unhandled errors (<see cref="UnhandledCategory"/>, each a 500 answer), keeping the first message of each kind.
/// </summary>
internal sealed class DbErrorCounter : ILoggerProvider
{
    public const string UpdateCategory = "Microsoft.EntityFrameworkCore.Update";
    public const string UnhandledCategory = "Rake.Host.Api.RakeExceptionHandler";

    private int uniqueViolations;
    private int otherErrors;
    private int unhandled;
    private string? firstOther;
    private string? firstUnhandled;

    public int UniqueViolations => Volatile.Read(ref uniqueViolations);

    public int OtherErrors => Volatile.Read(ref otherErrors);

    public int Unhandled => Volatile.Read(ref unhandled);

    public string? FirstOther => firstOther;

    public string? FirstUnhandled => firstUnhandled;

    public void Reset()
    {
        Interlocked.Exchange(ref uniqueViolations, 0);
        Interlocked.Exchange(ref otherErrors, 0);
        Interlocked.Exchange(ref unhandled, 0);
        firstOther = null;
        firstUnhandled = null;
    }

    public ILogger CreateLogger(string categoryName) => categoryName switch
    {
        UpdateCategory => new Counter(this, unhandledErrors: false),
        UnhandledCategory => new Counter(this, unhandledErrors: true),
        _ => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance,
    };

    public void Dispose()
    {
    }

    private static string Innermost(Exception? exception, string fallback)
    {
        if (exception is null)
        {
            return fallback;
        }
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }
        return $"{exception.GetType().Name}: {exception.Message}";
    }

    private sealed class Counter(DbErrorCounter owner, bool unhandledErrors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var text = Innermost(exception, formatter(state, exception));
            if (unhandledErrors)
            {
                Interlocked.Increment(ref owner.unhandled);
                Interlocked.CompareExchange(ref owner.firstUnhandled, text, null);
            }
            else if (text.Contains("UNIQUE constraint", StringComparison.OrdinalIgnoreCase) || text.Contains("23505", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref owner.uniqueViolations);
            }
            else
            {
                Interlocked.Increment(ref owner.otherErrors);
                Interlocked.CompareExchange(ref owner.firstOther, text, null);
            }
        }
    }
}
