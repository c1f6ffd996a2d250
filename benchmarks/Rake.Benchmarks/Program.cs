using System.Runtime;
using System.Runtime.InteropServices;
using Rake.Benchmarks;

// A load harness that prints figures (no BenchmarkDotNet on the package source): see benchmarks/README.md.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 64;
}

if (options.Part == WorkflowBenchmark.ChildPart)
{
    return await WorkflowBenchmark.RunChildAsync(options);
}

var report = new Report();
report.Line($"Rake benchmarks - {DateTime.Now:yyyy-MM-dd HH:mm}");
report.Line($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}; " +
            $".NET {Environment.Version}; {(GCSettings.IsServerGC ? "server" : "workstation")} GC; " +
#if DEBUG
            "DEBUG build (use -c Release for figures)");
#else
            "Release build");
#endif
report.Line($"Database: {options.Provider}" + (options.Provider == Rake.BuildingBlocks.Persistence.DatabaseProvider.Sqlite
    ? $" (fresh files in {Path.GetTempPath()})"
    : " (a fresh database on the given server, dropped afterwards unless --keep-db true)"));

report.Line($"Load average before: {LoadAverage()}");

var exitCode = 0;
if (options.RunLoad && !await LoadBenchmark.RunAsync(options, report))
{
    exitCode = 1;
}
if (options.RunSummary && !await SummaryBenchmark.RunAsync(options, report))
{
    exitCode = exitCode == 0 ? 2 : 3;
}
if (options.RunWorkflow && !await WorkflowBenchmark.RunAsync(options, report))
{
    exitCode = exitCode == 0 ? 4 : exitCode;
}
if (options.RunAnnual && !await AnnualReportBenchmark.RunAsync(options, report))
{
    exitCode = exitCode == 0 ? 5 : exitCode;
}
if (options.RunPages && !await PagesBenchmark.RunAsync(options, report))
{
    exitCode = exitCode == 0 ? 6 : exitCode;
}
report.Line("");
report.Line($"Load average after: {LoadAverage()}");
report.Line(exitCode == 0 ? "Done: no errors, results match." : $"Done with problems (exit code {exitCode}).");
return exitCode;

// Other work on the machine skews the figures: /proc/loadavg shows how busy it was (1, 5 and 15 minutes).
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
