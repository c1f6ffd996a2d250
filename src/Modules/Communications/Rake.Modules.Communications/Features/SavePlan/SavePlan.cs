using Rake.Modules.Communications.Features.GetPlan;
using Rake.Modules.Communications.Features.Plan;

namespace Rake.Modules.Communications.Features.SavePlan;

internal sealed record PlanRequest(IReadOnlyList<PlanRowDto>? Rows);

internal sealed class PlanRequestValidator : RequestValidator<PlanRequest>
{
    public const int MaxRows = 50;

    public PlanRequestValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.Rows).Must(rows => rows is null || rows.Count <= MaxRows)
            .WithMessage(r => Texts.Get("validation.tooLong", MaxRows, r.Rows!.Count));
        RuleForEach(r => r.Rows).NotNull().WithMessage(_ => Texts["validation.required"]).ChildRules(row =>
        {
            row.RuleFor(x => x.TargetGroup).Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => Texts["validation.required"]);
            row.RuleFor(x => x.TargetGroup).Must(v => v is null || v.Trim().Length <= PlanRow.TargetGroupMax)
                .WithMessage(x => Texts.Get("validation.tooLong", PlanRow.TargetGroupMax, x.TargetGroup!.Trim().Length));
            Lines(row, x => x.Goals);
            Lines(row, x => x.Channels);
        });
    }

    private void Lines(InlineValidator<PlanRowDto> row, System.Linq.Expressions.Expression<Func<PlanRowDto, IReadOnlyList<string>>> field)
    {
        row.RuleFor(field).Must(v => PlanMapping.Joined(v).Length > 0).WithMessage(_ => Texts["validation.required"]);
        row.RuleFor(field).Must(v => PlanMapping.Joined(v).Length <= PlanRow.TextMax)
            .WithMessage((_, v) => Texts.Get("validation.tooLong", PlanRow.TextMax, PlanMapping.Joined(v).Length));
    }
}

internal static class SavePlanEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/communication-plan", (PlanRequest r, SavePlanHandler h, CancellationToken ct) => h.HandleAsync(r, ct))
            .WithTags("Communication plan")
            .RequireRegionRoles(CommRoles.EditPlan)
            .WithSummary("Replace the communication plan's rows.");
}

internal sealed class SavePlanHandler(CommunicationsDbContext db, GetPlanHandler plan)
{
    public async Task<IReadOnlyList<PlanRowDto>> HandleAsync(PlanRequest request, CancellationToken ct)
    {
        var rows = (request.Rows ?? []).Select((row, i) => new PlanRow
        {
            Id = Guid.CreateVersion7(),
            SortOrder = i,
            TargetGroup = row.TargetGroup.Trim(),
            Goals = PlanMapping.Joined(row.Goals),
            Channels = PlanMapping.Joined(row.Channels),
        });
        db.PlanRows.RemoveRange(await db.PlanRows.ToListAsync(ct));
        db.PlanRows.AddRange(rows);
        await db.SaveChangesAsync(ct);
        return await plan.HandleAsync(ct);
    }
}
