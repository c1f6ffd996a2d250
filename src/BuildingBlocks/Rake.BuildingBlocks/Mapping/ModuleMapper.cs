using Mapster;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;

namespace Rake.BuildingBlocks.Mapping;

/// <summary>
/// A module's own Mapster configuration (docs/adr/0086): every <see cref="IRegister"/> in the module's assembly, and
/// nothing from other modules. Computed fields live in those registrations, not in handlers. It is compiled when first
/// used, with every destination member required to have a source, so a mapping that forgets a field fails at start-up.
/// </summary>
public sealed class ModuleMapper<TModule> where TModule : IModule
{
    public ModuleMapper()
    {
        Config = new TypeAdapterConfig { RequireDestinationMemberSource = true };
        Config.Scan(typeof(TModule).Assembly);
        Config.Compile();
    }

    public TypeAdapterConfig Config { get; }

    public TDestination Map<TDestination>(object source) => source.Adapt<TDestination>(Config);

    public List<TDestination> MapAll<TDestination>(IEnumerable<object> sources) => sources.Select(Map<TDestination>).ToList();

    /// <summary>The mapping as a query projection, so the database returns only the fields the destination needs.</summary>
    public IQueryable<TDestination> Project<TDestination>(IQueryable source) => source.ProjectToType<TDestination>(Config);
}

public static class ModuleMapperExtensions
{
    public static IServiceCollection AddModuleMapping<TModule>(this IServiceCollection services) where TModule : IModule =>
        services.AddSingleton<ModuleMapper<TModule>>();
}
