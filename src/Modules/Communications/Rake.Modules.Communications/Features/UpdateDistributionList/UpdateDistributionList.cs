using Rake.Modules.Communications.Features.Mail;

namespace Rake.Modules.Communications.Features.UpdateDistributionList;

/// <summary>
/// The body of a replacement. It is not the validated request itself: the name must be free among the region's other
/// lists, so the validator needs the list's id from the route, which the endpoint adds before it checks the request.
/// </summary>
internal sealed record DistributionListBody(
    [ScreenedText] string? Name, [ScreenedText] string? Description, IReadOnlyList<ListMemberDto>? Members);

internal static class UpdateDistributionListEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/distribution-lists/{id:guid}",
                async (Guid id, DistributionListBody body, RequestChecks checks, UpdateDistributionListHandler h, CancellationToken ct) =>
                {
                    var request = new DistributionListRequest(body.Name, body.Description, body.Members) { ListId = id };
                    await checks.ThrowIfInvalidAsync(request, ct);
                    return await h.HandleAsync(request, ct);
                })
            .WithTags("Distribution lists and e-mail")
            .RequireRegionRoles(CommRoles.Edit)
            .WithSummary("Replace a list's name, description and members.");
}

internal sealed class UpdateDistributionListHandler(CommunicationsDbContext db, ModuleMapper<CommunicationsModule> mapper)
{
    /// <summary>Replaces the list <see cref="DistributionListRequest.ListId"/> names.</summary>
    public async Task<DistributionListDto> HandleAsync(DistributionListRequest request, CancellationToken ct)
    {
        var list = await db.Lists.Include(l => l.Members).FirstOrDefaultAsync(l => l.Id == request.ListId, ct)
            ?? throw new NotFoundException($"No distribution list {request.ListId} in this region.");
        DistributionListChanges.Apply(db, list, request);
        await db.SaveChangesAsync(ct);
        return mapper.Map<DistributionListDto>(list);
    }
}
