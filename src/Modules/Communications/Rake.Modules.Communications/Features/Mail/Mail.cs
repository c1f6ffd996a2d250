using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Persistence;

namespace Rake.Modules.Communications.Features.Mail;

internal sealed record ListMemberDto(string Email, string? Name);

internal sealed record DistributionListRequest(string? Name, string? Description, IReadOnlyList<ListMemberDto>? Members);

internal sealed record DistributionListDto(Guid Id, string Name, string? Description, IReadOnlyList<ListMemberDto> Members);

internal sealed record ListMessageRequest(string? Subject, string? Body);

internal sealed record DeliveryDto(Guid Id, Guid? ListId, string To, string Subject, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

internal sealed record SettingsDto(bool EmailReporters);

internal static class MailEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var lists = api.MapGroup("/distribution-lists").WithTags("Distribution lists and e-mail");
        lists.MapGet("", (MailHandler h, CancellationToken ct) => h.ListsAsync(ct)).WithSummary("The region's distribution lists with their members.");
        lists.MapPost("", async (DistributionListRequest r, MailHandler h, HttpContext http, CancellationToken ct) =>
        {
            var created = await h.CreateListAsync(r, ct);
            return Results.Created($"{http.Request.Path}/{created.Id}", created);
        }).WithSummary("Create a distribution list (name, description, members' e-mail addresses).");
        lists.MapPut("/{id:guid}", (Guid id, DistributionListRequest r, MailHandler h, CancellationToken ct) => h.UpdateListAsync(id, r, ct))
            .WithSummary("Replace a list's name, description and members.");
        lists.MapPost("/{id:guid}/messages", async (Guid id, ListMessageRequest r, MailHandler h, CancellationToken ct) =>
            Results.Accepted(value: await h.SendToListAsync(id, r, null, ct)))
            .WithSummary("Queue an e-mail to every member of the list; the delivery worker sends it through SMTP and retries failures.");
        var deliveries = api.MapGroup("/mail-deliveries").WithTags("Distribution lists and e-mail");
        deliveries.MapGet("", (string? status, MailHandler h, CancellationToken ct) => h.DeliveriesAsync(status, ct))
            .WithSummary("Queued, sent and failed e-mails with attempts and the last error.");
        deliveries.MapPost("/{id:guid}/retry", (Guid id, MailHandler h, CancellationToken ct) => h.RetryAsync(id, ct))
            .WithSummary("Send a failed (or waiting) e-mail again now.");
        api.MapGet("/communication-settings", (MailHandler h, CancellationToken ct) => h.SettingsAsync(ct)).WithTags("Distribution lists and e-mail");
        api.MapPut("/communication-settings", (SettingsDto r, MailHandler h, CancellationToken ct) => h.SaveSettingsAsync(r, ct))
            .WithTags("Distribution lists and e-mail").WithSummary("Whether reporters also get an e-mail when their report's handling moves on.");
    }
}

internal sealed class MailHandler(CommunicationsDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, MailSignal signal)
{
    public const int MaxMembers = 500;

    public async Task<IReadOnlyList<DistributionListDto>> ListsAsync(CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.read"], CommRoles.Readers);
        var rows = await db.Lists.AsNoTracking().Include(l => l.Members).ToListAsync(ct);
        return rows.OrderBy(l => l.Name, StringComparer.CurrentCulture).Select(ToDto).ToList();
    }

    /// <summary>For workflow activities acting as the system: the lists without a role check.</summary>
    public async Task<IReadOnlyList<DistributionListDto>> ListsForSystemAsync(CancellationToken ct) =>
        (await db.Lists.AsNoTracking().Include(l => l.Members).ToListAsync(ct)).Select(ToDto).ToList();

    public async Task<DistributionListDto> CreateListAsync(DistributionListRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.edit"], CommRoles.Editors);
        var list = new DistributionList { Id = Guid.CreateVersion7(clock.GetUtcNow()) };
        await ApplyAsync(list, request, ct);
        db.Lists.Add(list);
        await db.SaveChangesAsync(ct);
        return ToDto(list);
    }

    public async Task<DistributionListDto> UpdateListAsync(Guid id, DistributionListRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.edit"], CommRoles.Editors);
        var list = await LoadListAsync(id, ct);
        await ApplyAsync(list, request, ct);
        await db.SaveChangesAsync(ct);
        return ToDto(list);
    }

    public async Task<IReadOnlyList<DeliveryDto>> SendToListAsync(Guid id, ListMessageRequest request, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is null)
        {
            actor.RequireAnyRole(texts["communications.forbidden.send"], CommRoles.Editors);
        }
        var errors = new ValidationErrors(texts);
        var subject = errors.Text("subject", request.Subject, MailDelivery.SubjectMax);
        var body = errors.Text("body", request.Body, MailDelivery.BodyMax);
        if (subject is not null && (subject.Contains('\r') || subject.Contains('\n')))
        {
            errors.AddText("subject", "communications.validation.oneLine");
        }
        errors.ThrowIfAny();
        var list = await LoadListAsync(id, ct);
        if (sourceKey is not null && await db.Deliveries.AnyAsync(d => d.SourceKey == sourceKey, ct))
        {
            return (await db.Deliveries.AsNoTracking().Where(d => d.SourceKey == sourceKey).ToListAsync(ct)).Select(ToDto).ToList();
        }
        if (list.Members.Count == 0)
        {
            throw new ConflictException(texts.Get("communications.list.empty", list.Name));
        }
        var created = list.Members.Select(m => Queue(m.Email, subject!, body!, list.Id, sourceKey)).ToList();
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return created.Select(ToDto).ToList();
    }

    /// <summary>Adds one e-mail to the delivery table (saved by the caller's SaveChanges).</summary>
    public MailDelivery Queue(string to, string subject, string body, Guid? listId, string? sourceKey)
    {
        var now = clock.GetUtcNow();
        var delivery = new MailDelivery
        {
            Id = Guid.CreateVersion7(now),
            ListId = listId,
            To = to,
            Subject = subject,
            Body = body,
            Status = DeliveryStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            SourceKey = sourceKey,
        };
        db.Deliveries.Add(delivery);
        return delivery;
    }

    public async Task<IReadOnlyList<DeliveryDto>> DeliveriesAsync(string? status, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.read"], CommRoles.Readers);
        var errors = new ValidationErrors(texts);
        var wanted = Publications.PublicationsHandler.Parse<DeliveryStatus>(errors, "status", status, required: false);
        errors.ThrowIfAny();
        var query = db.Deliveries.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(d => d.Status == s);
        }
        var rows = await query.ToListAsync(ct);
        return rows.OrderByDescending(d => d.CreatedAt).Take(200).Select(ToDto).ToList();
    }

    public async Task<DeliveryDto> RetryAsync(Guid id, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.send"], CommRoles.Editors);
        var delivery = await db.Deliveries.FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException($"No e-mail {id} in this region.");
        if (delivery.Status == DeliveryStatus.Sent)
        {
            throw new ConflictException(texts["communications.delivery.alreadySent"]);
        }
        (delivery.Status, delivery.NextAttemptAt, delivery.Attempts) = (DeliveryStatus.Pending, clock.GetUtcNow(), 0);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return ToDto(delivery);
    }

    public async Task<SettingsDto> SettingsAsync(CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.read"], CommRoles.Readers);
        return new SettingsDto((await db.Settings.AsNoTracking().FirstOrDefaultAsync(ct))?.EmailReporters ?? false);
    }

    public async Task<SettingsDto> SaveSettingsAsync(SettingsDto request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.settings"], CommRoles.Settings);
        var settings = await db.Settings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            db.Settings.Add(settings = new CommunicationSettings());
        }
        settings.EmailReporters = request.EmailReporters;
        await db.SaveChangesAsync(ct);
        return new SettingsDto(settings.EmailReporters);
    }

    private async Task ApplyAsync(DistributionList list, DistributionListRequest request, CancellationToken ct)
    {
        var errors = new ValidationErrors(texts);
        var name = errors.Text("name", request.Name, DistributionList.NameMax);
        var description = errors.Text("description", request.Description, DistributionList.DescriptionMax, required: false);
        var members = new List<ListMember>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (member, index) in (request.Members ?? []).Select((m, i) => (m, i)))
        {
            var email = member.Email?.Trim() ?? "";
            if (!IsAddress(email))
            {
                errors.AddText($"members[{index}].email", "communications.validation.email", email);
                continue;
            }
            if (seen.Add(email))
            {
                members.Add(new ListMember { ListId = list.Id, Email = email, Name = string.IsNullOrWhiteSpace(member.Name) ? null : member.Name.Trim()[..Math.Min(200, member.Name.Trim().Length)] });
            }
        }
        if (members.Count > MaxMembers)
        {
            errors.AddText("members", "validation.tooLong", MaxMembers, members.Count);
        }
        if (name is not null && await db.Lists.AnyAsync(l => l.Name == name && l.Id != list.Id, ct))
        {
            errors.AddText("name", "communications.list.nameTaken", name);
        }
        errors.ThrowIfAny();
        (list.Name, list.Description) = (name!, description);
        foreach (var gone in list.Members.Where(m => !seen.Contains(m.Email)).ToList())
        {
            list.Members.Remove(gone);
            db.ListMembers.Remove(gone);
        }
        foreach (var member in members)
        {
            if (list.Members.FirstOrDefault(m => string.Equals(m.Email, member.Email, StringComparison.OrdinalIgnoreCase)) is { } kept)
            {
                kept.Name = member.Name;
            }
            else
            {
                list.Members.Add(member);
            }
        }
    }

    internal static bool IsAddress(string email)
    {
        if (email.Length is 0 or > ListMember.EmailMax || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || email.Count(c => c == '@') != 1)
        {
            return false;
        }
        // The same parser that later writes the To header: what it reads back unchanged is a bare address it can send to.
        return MimeKit.MailboxAddress.TryParse(email, out var parsed) && parsed.Address == email;
    }

    private async Task<DistributionList> LoadListAsync(Guid id, CancellationToken ct) =>
        await db.Lists.Include(l => l.Members).FirstOrDefaultAsync(l => l.Id == id, ct)
        ?? throw new NotFoundException($"No distribution list {id} in this region.");

    private static DistributionListDto ToDto(DistributionList l) =>
        new(l.Id, l.Name, l.Description, l.Members.OrderBy(m => m.Email, StringComparer.Ordinal).Select(m => new ListMemberDto(m.Email, m.Name)).ToList());

    internal static DeliveryDto ToDto(MailDelivery d) => new(d.Id, d.ListId, d.To, d.Subject, d.Status.ToString(), d.Attempts, d.CreatedAt, d.NextAttemptAt, d.SentAt, d.LastError);
}
