using Rake.Modules.Communications.Features.Mail;

namespace Rake.Modules.Communications.Features.CreateDistributionList;

internal static class CreateDistributionListEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/distribution-lists",
                async (DistributionListRequest r, CreateDistributionListHandler h, HttpContext http, CancellationToken ct) =>
                {
                    var created = await h.HandleAsync(r, ct);
                    return Results.Created($"{http.Request.Path}/{created.Id}", created);
                })
            .WithTags("Distribution lists and e-mail")
            .RequireRegionRoles(CommRoles.Edit)
            .WithSummary("Create a distribution list (name, description, members' e-mail addresses).");
}

internal sealed class CreateDistributionListHandler(
    CommunicationsDbContext db, TimeProvider clock, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<DistributionListDto> HandleAsync(DistributionListRequest request, CancellationToken ct)
    {
        var list = new DistributionList { Id = Guid.CreateVersion7(clock.GetUtcNow()) };
        DistributionListChanges.Apply(db, list, request);
        db.Lists.Add(list);
        await db.SaveChangesAsync(ct);
        return mapper.Map<DistributionListDto>(list);
    }
}
