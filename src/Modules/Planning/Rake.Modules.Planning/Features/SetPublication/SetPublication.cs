using Rake.Modules.Planning.Features.ViewPlan;

namespace Rake.Modules.Planning.Features.SetPublication;

internal sealed record PublicationRequest(DateOnly? IntranetOn, string? IntranetUrl, DateOnly? WebsiteOn, string? WebsiteUrl);

internal static class SetPublicationEndpoint
{
    public static void Map(IEndpointRouteBuilder plan) =>
        plan.MapPut("/publication", (PublicationRequest request, SetPublicationHandler h, CancellationToken ct) =>
                h.HandleAsync(request, ct))
            .RequireRegionRoles(PlanningRoles.Edit)
            .WithSummary("Records where and when the plan was published (intranet, website).");
}

internal sealed class PublicationRequestValidator : PlanningValidator<PublicationRequest>
{
    public PublicationRequestValidator(TextCatalog texts) : base(texts)
    {
        OptionalUrl(r => r.IntranetUrl);
        OptionalUrl(r => r.WebsiteUrl);
    }
}

internal sealed class SetPublicationHandler(PlanningDbContext db, TextCatalog texts, TimeProvider clock, ViewPlanHandler view)
{
    public async Task<PlanDto> HandleAsync(PublicationRequest request, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(ct) ?? throw new NotFoundException(texts["planning.notFound"]);
        plan.PublishedIntranetOn = request.IntranetOn;
        plan.IntranetUrl = string.IsNullOrWhiteSpace(request.IntranetUrl) ? null : request.IntranetUrl.Trim();
        plan.PublishedWebsiteOn = request.WebsiteOn;
        plan.WebsiteUrl = string.IsNullOrWhiteSpace(request.WebsiteUrl) ? null : request.WebsiteUrl.Trim();
        plan.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await view.HandleAsync(ct);
    }
}
