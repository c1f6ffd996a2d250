namespace Rake.Modules.Workflows.Persistence.Migrations.Sqlite;

// The generated snapshot is an unsealed internal class; architecture rule 3 wants internal classes sealed.
internal sealed partial class WorkflowsDbContextModelSnapshot
{
}
