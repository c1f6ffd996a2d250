using Mapster;

namespace Rake.Modules.Competence.Features.ViewSetup;

internal sealed record SetupUnitDto(Guid Id, string Code, string Name, bool Active);

internal sealed record SetupItemDto(Guid Id, int Position, string Text, bool Structural, bool Active);

/// <summary>Everything the region has set up for the module, in use or not.</summary>
internal sealed record CompetenceSetupDto(IReadOnlyList<SetupUnitDto> Units, IReadOnlyList<SetupItemDto> OrientationItems);

internal sealed class SetupMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Unit, SetupUnitDto>();
        config.NewConfig<OrientationItem, SetupItemDto>();
    }
}

internal static class ViewSetupEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapGet("/setup", (ViewSetupHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .RequireRegionRoles(CompetenceRoles.Setup)
            .WithSummary("The region's units and orientation items, including those out of use.");
}

internal sealed class ViewSetupHandler(CompetenceDbContext db, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<CompetenceSetupDto> HandleAsync(CancellationToken ct)
    {
        var units = await mapper.Project<SetupUnitDto>(db.Units.AsNoTracking().OrderByDescending(u => u.Active).ThenBy(u => u.Name))
            .ToListAsync(ct);
        var items = await mapper.Project<SetupItemDto>(db.OrientationItems.AsNoTracking().OrderBy(i => i.Position)).ToListAsync(ct);
        return new CompetenceSetupDto(units, items);
    }
}
