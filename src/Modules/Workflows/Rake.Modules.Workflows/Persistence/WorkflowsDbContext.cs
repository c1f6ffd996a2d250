using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;

namespace Rake.Modules.Workflows.Persistence;

internal sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options, IRequestContext requestContext, TimeProvider clock, OutboxSignal outboxSignal)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public const string SchemaName = "workflows";

    public override string Schema => SchemaName;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
    }
}
