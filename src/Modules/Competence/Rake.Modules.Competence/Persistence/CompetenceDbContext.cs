using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;

namespace Rake.Modules.Competence.Persistence;

internal sealed class CompetenceDbContext(DbContextOptions<CompetenceDbContext> options, IRequestContext requestContext, TimeProvider clock, OutboxSignal outboxSignal)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public const string SchemaName = "competence";

    public override string Schema => SchemaName;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
    }
}
