// The migrations this context had before they were generated (docs/adr/0003): a database that applied all of them
// gets the generated baseline recorded as applied instead of run.
[assembly: Rake.BuildingBlocks.Persistence.HandWrittenMigrations(
    typeof(Rake.Modules.Workflows.Persistence.WorkflowsDbContext),
    "20261122000001_WorkflowsInitial",
    "20261122000002_WorkflowsRuntime",
    "20261122000003_WorkflowsTriggers",
    "20261127000004_WorkflowsExecutionMarker")]
