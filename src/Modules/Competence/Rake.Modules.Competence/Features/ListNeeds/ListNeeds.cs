using Rake.Modules.Competence.Features.Staff;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Rake.Modules.Competence.Features.ListNeeds;

internal static class ListNeedsEndpoint
{
    public static void Map(IEndpointRouteBuilder competence) =>
        competence.MapGet("/needs", ([Range(InputRules.MinYear, InputRules.MaxYear)] int? year, ListNeedsHandler h, CancellationToken ct) =>
                h.HandleAsync(year, ct))
            .RequireRegionRoles(CompetenceRoles.Leads)
            .WithSummary("Competence needs of a year for the competence development plan.");
}

/// <summary>The needs brought up for a year (this year in Helsinki by default), oldest first.</summary>
internal sealed class ListNeedsHandler(CompetenceDbContext db, TimeProvider clock, ModuleMapper<CompetenceModule> mapper)
{
    public async Task<IReadOnlyList<NeedDto>> HandleAsync(int? year, CancellationToken ct)
    {
        var wanted = year ?? Helsinki.Today(clock).Year;
        return await mapper.Project<NeedDto>(db.Needs.AsNoTracking().Where(n => n.Year == wanted).OrderBy(n => n.RecordedAt))
            .ToListAsync(ct);
    }
}
