using Rake.Modules.Communications.Features.Plan;

namespace Rake.Modules.Communications.Features.SetPlannedStatus;

internal sealed record PlannedStatusRequest(string? Status);

internal sealed class PlannedStatusRequestValidator : RequestValidator<PlannedStatusRequest>
{
    public PlannedStatusRequestValidator(TextCatalog texts) : base(texts) =>
        this.OneOf<PlannedStatusRequest, PlannedStatus>(texts, r => r.Status, required: true);
}

internal static class SetPlannedStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/planned-communications/{id:guid}/status",
                (Guid id, PlannedStatusRequest r, SetPlannedStatusHandler h, CancellationToken ct) => h.HandleAsync(id, r, ct))
            .WithTags("Communication plan")
            .RequireRegionRoles(CommRoles.Edit)
            .WithSummary("Mark a planned communication Planned, Done or Cancelled.");
}

internal sealed class SetPlannedStatusHandler(CommunicationsDbContext db, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<PlannedDto> HandleAsync(Guid id, PlannedStatusRequest request, CancellationToken ct)
    {
        var planned = await db.Planned.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException($"No planned communication {id} in this region.");
        planned.Status = CommValidation.Parse<PlannedStatus>(request.Status)!.Value;
        await db.SaveChangesAsync(ct);
        return mapper.Map<PlannedDto>(planned);
    }
}
