// The migrations this context had before they were generated (docs/adr/0003): a database that applied all of them
// gets the generated baseline recorded as applied instead of run.
[assembly: Rake.BuildingBlocks.Persistence.HandWrittenMigrations(
    typeof(Rake.Host.Platform.PlatformDbContext),
    "20261122000000_PlatformInitial")]
