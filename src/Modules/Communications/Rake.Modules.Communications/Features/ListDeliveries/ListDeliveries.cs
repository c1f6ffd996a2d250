using Rake.Modules.Communications.Features.Mail;

namespace Rake.Modules.Communications.Features.ListDeliveries;

internal sealed record ListDeliveriesQuery(string? Status);

internal sealed class ListDeliveriesQueryValidator : RequestValidator<ListDeliveriesQuery>
{
    public ListDeliveriesQueryValidator(TextCatalog texts) : base(texts) =>
        this.OneOf<ListDeliveriesQuery, DeliveryStatus>(texts, q => q.Status, required: false);
}

internal static class ListDeliveriesEndpoint
{
    public const int MaxRows = 200;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/mail-deliveries", ([AsParameters] ListDeliveriesQuery query, ListDeliveriesHandler h, CancellationToken ct) =>
                h.HandleAsync(query, ct))
            .WithTags("Distribution lists and e-mail")
            .RequireRegionRoles(CommRoles.Read)
            .WithSummary("Queued, sent and failed e-mails with attempts and the last error.");
}

internal sealed class ListDeliveriesHandler(CommunicationsDbContext db, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<IReadOnlyList<DeliveryDto>> HandleAsync(ListDeliveriesQuery request, CancellationToken ct)
    {
        var query = db.Deliveries.AsNoTracking();
        if (CommValidation.Parse<DeliveryStatus>(request.Status) is { } status)
        {
            query = query.Where(d => d.Status == status);
        }
        var rows = await query.ToListAsync(ct);
        return rows.OrderByDescending(d => d.CreatedAt).Take(ListDeliveriesEndpoint.MaxRows).Select(mapper.Map<DeliveryDto>).ToList();
    }
}
