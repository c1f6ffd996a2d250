using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;

namespace Rake.Modules.Communications.Persistence;

internal sealed class CommunicationsDbContext(DbContextOptions<CommunicationsDbContext> options, IRequestContext requestContext, TimeProvider clock, OutboxSignal outboxSignal)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public const string SchemaName = "communications";

    public override string Schema => SchemaName;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
    }
}
