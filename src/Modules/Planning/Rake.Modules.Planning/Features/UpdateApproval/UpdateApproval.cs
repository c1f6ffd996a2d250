using Rake.Modules.Planning.Features.AddApproval;
using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.UpdateApproval;

internal static class UpdateApprovalEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPut("/approvals/{approvalId:guid}", (Guid approvalId, ApprovalRequest request, UpdateApprovalHandler h,
                CancellationToken ct) => h.HandleAsync(approvalId, request, ct))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Corrects a recorded approval (kind, body, approver, date); the audit log keeps what it was.");
}

/// <summary>
/// A correction in place, with the rules of a new approval (<see cref="ApprovalRequestValidator"/>): removing and adding it
/// again would lose its place in the audit trail's history of that one record.
/// </summary>
internal sealed class UpdateApprovalHandler(PlanningDbContext db, TextCatalog texts, ModuleMapper<PlanningModule> mapper)
{
    public async Task<ApprovalDto> HandleAsync(Guid approvalId, ApprovalRequest request, CancellationToken ct)
    {
        var approval = await db.Approvals.FirstOrDefaultAsync(a => a.Id == approvalId, ct)
            ?? throw new NotFoundException(texts["planning.approval.notFound"]);
        approval.Kind = Enum.Parse<ApprovalKind>(request.Kind!);
        approval.Body = request.Body!.Trim();
        approval.Approver = string.IsNullOrWhiteSpace(request.Approver) ? null : request.Approver.Trim();
        approval.On = request.On!.Value;
        await db.SaveChangesAsync(ct);
        return mapper.Map<ApprovalDto>(approval);
    }
}
