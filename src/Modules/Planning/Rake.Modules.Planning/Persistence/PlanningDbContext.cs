using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;

namespace Rake.Modules.Planning.Persistence;

internal sealed class PlanningDbContext(DbContextOptions<PlanningDbContext> options, IRequestContext requestContext, TimeProvider clock, OutboxSignal outboxSignal)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public const string SchemaName = "planning";

    public override string Schema => SchemaName;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
    }
}
