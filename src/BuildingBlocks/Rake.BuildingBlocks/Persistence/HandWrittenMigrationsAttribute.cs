namespace Rake.BuildingBlocks.Persistence;

/// <summary>
/// Names, in order, the hand-written migrations a context had before its migrations were generated (docs/adr/0003). A
/// database that has applied all of them already has the schema of the generated baseline, so the baseline is recorded
/// as applied there instead of being run.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class HandWrittenMigrationsAttribute(Type contextType, params string[] migrationIds) : Attribute
{
    public Type ContextType { get; } = contextType;

    public IReadOnlyList<string> MigrationIds { get; } = migrationIds;
}
