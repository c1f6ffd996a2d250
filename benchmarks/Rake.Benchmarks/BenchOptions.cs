using System.Globalization;
using Microsoft.Extensions.Configuration;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Benchmarks;

/// <summary>
/// Command-line options (<c>--name value</c> or <c>--name=value</c>). The database comes from
/// <c>--provider</c>/<c>--connection</c>, or like the Host from <c>Database:Provider</c>/<c>Database:ConnectionString</c>
/// (arguments <c>--Database:Provider=Postgres</c> or environment variables <c>Database__Provider</c>).
/// </summary>
internal sealed record BenchOptions(
    string Part,
    int Warmup,
    int Requests,
    int Concurrency,
    int Sequential,
    int Reports,
    int Runs,
    string PeriodId,
    DatabaseProvider Provider,
    string? ConnectionString,
    bool KeepDatabase,
    string Environment,
    int Seed,
    int SqliteBusyTimeoutMs,
    int WorkflowRuns,
    int FinishedInstances,
    int PageReports,
    int PageLoads,
    int PageWarmup,
    bool Profile)
{
    public const string Usage = """
        Usage: dotnet run -c Release --project benchmarks/Rake.Benchmarks -- [options]
          --part all|load|summary|workflow|annual|pages   what to measure (default all)
          --warmup N                submissions (and bare inserts) before measuring (default 200)
          --requests N              measured submissions (and bare inserts) (default 2000)
          --concurrency N           requests in flight at once (default 8)
          --sequential N            then N more of each one at a time: no clashes between requests (default 200; 0 skips)
          --reports N               kymenlaakso reports generated for the summary (default 100000; plus N/10 of kainuu)
          --runs N                  timed summary runs, median printed (default 5)
          --period ID               half-year of kymenlaakso to summarise (default 2025-H1 = 1.12.2024-31.5.2025)
          --provider Sqlite|Postgres  (default Sqlite on a fresh temp file; or Database:Provider)
          --connection CS           PostgreSQL: a server connection string; a fresh database is created in it
                                    and dropped afterwards (or Database:ConnectionString)
          --keep-db true            keep the generated databases for inspection
          --environment NAME        Host environment of the load test (default Demo: demo users and data
                                    are seeded as in Development, without the development-only diagnostics)
          --seed N                  random seed of the generated reports (default 2026)
          --workflow-runs N         workflow runs (and starts) measured per case (default 1000)
          --finished-instances N    finished workflow instances in the full store (default 100000)
          --page-reports N          pages: reports generated in kymenlaakso before the staff pages load (default 10000)
          --page-loads N            pages: measured loads of each page (default 50, after --page-warmup, default 5)
          --sqlite-busy-timeout MS  experiment, load test on SQLite: run PRAGMA busy_timeout = MS on every connection
                                    (the Host does not; Microsoft.Data.Sqlite then retries a busy database every 150 ms)
          --profile true            load test: after the one-at-a-time run, profile --sequential more submissions
                                    (server time, and every SQL command EF runs per submission, with its time)
        """;

    public bool RunLoad => Part is "all" or "load";

    public bool RunSummary => Part is "all" or "summary";

    public bool RunWorkflow => Part is "all" or "workflow";

    public bool RunAnnual => Part is "all" or "annual";

    public bool RunPages => Part is "all" or "pages";

    public static BenchOptions Parse(string[] args)
    {
        if (args.Any(a => a is "-h" or "--help" or "-?"))
        {
            Console.WriteLine(Usage);
            System.Environment.Exit(0);
        }
        var cli = new ConfigurationBuilder().AddCommandLine(args).Build();
        var env = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        string? Get(string key, string? hostKey = null) =>
            cli[key] ?? (hostKey is null ? null : cli[hostKey] ?? env[hostKey]);
        int Int(string key, int fallback, int min)
        {
            var text = Get(key);
            if (text is null)
            {
                return fallback;
            }
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
            {
                throw new ArgumentException($"--{key} must be a whole number of at least {min}, not '{text}'.");
            }
            return value;
        }

        var part = (Get("part") ?? "all").ToLowerInvariant();
        if (part is not ("all" or "load" or "summary" or "workflow" or "annual" or "pages" or WorkflowBenchmark.ChildPart))
        {
            throw new ArgumentException($"--part must be all, load, summary, workflow, annual or pages, not '{part}'.");
        }
        var providerText = Get("provider", "Database:Provider") ?? nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            throw new ArgumentException($"The provider must be Sqlite or Postgres, not '{providerText}'.");
        }
        var connection = Get("connection", "Database:ConnectionString");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connection))
        {
            throw new ArgumentException("PostgreSQL needs --connection (or Database:ConnectionString): a server where a fresh database may be created.");
        }
        return new BenchOptions(
            part,
            Int("warmup", 200, 0),
            Int("requests", 2000, 1),
            Int("concurrency", 8, 1),
            Int("sequential", 200, 0),
            Int("reports", 100_000, 10),
            Int("runs", 5, 1),
            Get("period") ?? "2025-H1",
            provider,
            // On SQLite the benchmark always makes its own temp files; a configured SQLite path is never touched
            // (except by its own child process of the workflow part, which is handed the file it should use).
            provider == DatabaseProvider.Postgres || part == WorkflowBenchmark.ChildPart ? connection : null,
            bool.TryParse(Get("keep-db"), out var keep) && keep,
            Get("environment") ?? "Demo",
            Int("seed", 2026, 0),
            Int("sqlite-busy-timeout", 0, 0),
            Int("workflow-runs", 1000, 1),
            Int("finished-instances", 100_000, 0),
            Int("page-reports", 10_000, 0),
            Int("page-loads", 50, 1),
            Int("page-warmup", 5, 0),
            bool.TryParse(Get("profile"), out var profile) && profile);
    }
}
