using Rake.Modules.Communications.Features.Mail;

namespace Rake.Modules.Communications.Features.RetryDelivery;

internal static class RetryDeliveryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/mail-deliveries/{id:guid}/retry", (Guid id, RetryDeliveryHandler h, CancellationToken ct) => h.HandleAsync(id, ct))
            .WithTags("Distribution lists and e-mail")
            .RequireRegionRoles(CommRoles.Send)
            .WithSummary("Send a failed (or waiting) e-mail again now.");
}

internal sealed class RetryDeliveryHandler(
    CommunicationsDbContext db, TextCatalog texts, TimeProvider clock, MailSignal signal, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<DeliveryDto> HandleAsync(Guid id, CancellationToken ct)
    {
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException($"No e-mail {id} in this region.");
        if (delivery.Status == DeliveryStatus.Sent)
        {
            throw new ConflictException(texts["communications.delivery.alreadySent"]);
        }
        (delivery.Status, delivery.NextAttemptAt, delivery.Attempts) = (DeliveryStatus.Pending, clock.GetUtcNow(), 0);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return mapper.Map<DeliveryDto>(delivery);
    }
}
