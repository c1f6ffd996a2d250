using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;

namespace Rake.Modules.FixtureTwoContexts;

public sealed class FixtureTwoContextsModule : IModule
{
    public string Name => "FixtureTwoContexts";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddModuleDbContext<WrongSchemaDbContext>("wrong");
}

internal abstract class Animal
{
    public Guid Id { get; set; }
}

/// <summary>
/// ModuleDbContext filters only root entity types, so a region-owned type deriving from an entity that is not
/// region-owned slips through without the region filter: exactly what rule 4 must catch.
/// </summary>
internal sealed class RegionalAnimal : Animal, IRegionOwned
{
    public string RegionCode { get; set; } = "";
}

internal sealed class Note : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
}

/// <summary>Broken on purpose: its schema is not the module's name, and <see cref="RegionalAnimal"/> is unfiltered.</summary>
internal sealed class WrongSchemaDbContext(DbContextOptions<WrongSchemaDbContext> options, IRequestContext requestContext,
    TimeProvider clock, OutboxSignal outboxSignal)
    : ModuleDbContext(options, requestContext, clock, outboxSignal)
{
    public override string Schema => "wrong";

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Animal>();
        modelBuilder.Entity<RegionalAnimal>();
    }
}

/// <summary>Broken on purpose: a second context, deriving DbContext directly, so nothing adds the region filter.</summary>
internal sealed class PlainDbContext(DbContextOptions<PlainDbContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();
}
