using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.AddApproval;

internal sealed record ApprovalRequest(string? Kind, string? Body, string? Approver, DateOnly? On);

internal static class AddApprovalEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPost("/approvals", async (ApprovalRequest request, AddApprovalHandler h, CancellationToken ct) =>
                Results.Created("/plan", await h.HandleAsync(request, ct)))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Records an approval (who, which body, when), a presentation or a notice for information.");
}

internal sealed class ApprovalRequestValidator : PlanningValidator<ApprovalRequest>
{
    public ApprovalRequestValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.Kind).Must(IsDefined<ApprovalKind>).WithMessage(_ => Texts["planning.validation.approvalKind"]);
        TextField(r => r.Body, PlanApproval.NameMax);
        MaxLength(r => r.Approver, PlanApproval.NameMax);
        RuleFor(r => r.On).NotNull().WithMessage(_ => Texts["planning.validation.date"]);
    }
}

internal sealed class AddApprovalHandler(PlanningDbContext db, TextCatalog texts, ModuleMapper<PlanningModule> mapper)
{
    public async Task<ApprovalDto> HandleAsync(ApprovalRequest request, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        var approval = new PlanApproval
        {
            Id = Guid.CreateVersion7(),
            PlanId = plan.Id,
            Kind = Enum.Parse<ApprovalKind>(request.Kind!),
            Body = request.Body!.Trim(),
            Approver = string.IsNullOrWhiteSpace(request.Approver) ? null : request.Approver.Trim(),
            On = request.On!.Value,
        };
        db.Approvals.Add(approval);
        await db.SaveChangesAsync(ct);
        return mapper.Map<ApprovalDto>(approval);
    }
}
