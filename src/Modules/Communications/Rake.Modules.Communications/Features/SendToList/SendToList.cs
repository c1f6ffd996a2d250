using Rake.Modules.Communications.Features.Mail;

namespace Rake.Modules.Communications.Features.SendToList;

internal sealed record ListMessageRequest([ScreenedText] string? Subject, [ScreenedText] string? Body);

internal sealed class ListMessageRequestValidator : RequestValidator<ListMessageRequest>
{
    public ListMessageRequestValidator(TextCatalog texts) : base(texts)
    {
        RequiredText(r => r.Subject, MailDelivery.SubjectMax);
        // A line break in the subject would let the text write headers of its own.
        RuleFor(r => r.Subject).Must(s => s is null || !(s.Trim().Contains('\r') || s.Trim().Contains('\n')))
            .WithMessage(_ => Texts["communications.validation.oneLine"]);
        RequiredText(r => r.Body, MailDelivery.BodyMax);
    }
}

internal static class SendToListEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/distribution-lists/{id:guid}/messages",
                async (Guid id, ListMessageRequest r, SendToListHandler h, CancellationToken ct) =>
                    Results.Accepted(value: await h.HandleAsync(id, r, null, ct)))
            .WithTags("Distribution lists and e-mail")
            .RequireRegionRoles(CommRoles.Send)
            .WithSummary("Queue an e-mail to every member of the list; the delivery worker sends it through SMTP and retries failures.");
}

internal sealed class SendToListHandler(
    CommunicationsDbContext db, TextCatalog texts, MailQueue queue, MailSignal signal, ModuleMapper<CommunicationsModule> mapper)
{
    /// <summary>
    /// Queues the message to every member. A workflow activity passes its <paramref name="sourceKey"/>, and a retried run
    /// gets the e-mails it queued before instead of sending them twice.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryDto>> HandleAsync(Guid id, ListMessageRequest request, string? sourceKey, CancellationToken ct)
    {
        var list = await db.Lists.Include(l => l.Members).FirstOrDefaultAsync(l => l.Id == id, ct)
            ?? throw new NotFoundException($"No distribution list {id} in this region.");
        if (sourceKey is not null && await db.Deliveries.AnyAsync(d => d.SourceKey == sourceKey, ct))
        {
            var earlier = await db.Deliveries.AsNoTracking().Where(d => d.SourceKey == sourceKey).ToListAsync(ct);
            return earlier.Select(mapper.Map<DeliveryDto>).ToList();
        }
        if (list.Members.Count == 0)
        {
            throw new ConflictException(texts.Get("communications.list.empty", list.Name));
        }
        var (subject, body) = (request.Subject!.Trim(), request.Body!.Trim());
        var created = list.Members.Select(m => queue.Queue(m.Email, subject, body, list.Id, sourceKey)).ToList();
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return created.Select(mapper.Map<DeliveryDto>).ToList();
    }
}
