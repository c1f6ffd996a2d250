// The migrations this context had before they were generated (docs/adr/0003): a database that applied all of them
// gets the generated baseline recorded as applied instead of run.
[assembly: Rake.BuildingBlocks.Persistence.HandWrittenMigrations(
    typeof(Rake.Modules.Reporting.Persistence.ReportingDbContext),
    "20261122000001_ReportingInitial",
    "20261122070001_ReportingOutputs",
    "20261122070002_PhenomenonReports")]
