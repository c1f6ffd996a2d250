using System.Text.Json.Serialization;

namespace Rake.Modules.Communications.Features.Mail;

internal sealed record ListMemberDto(string Email, string? Name);

internal sealed record DistributionListRequest(
    [ScreenedText] string? Name, [ScreenedText] string? Description, IReadOnlyList<ListMemberDto>? Members)
{
    /// <summary>The list being replaced, from the route (never from the body); null for a new list.</summary>
    [JsonIgnore]
    public Guid? ListId { get; init; }
}

internal sealed record DistributionListDto(Guid Id, string Name, string? Description, IReadOnlyList<ListMemberDto> Members);

internal sealed record DeliveryDto(Guid Id, Guid? ListId, string To, string Subject, string Status, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

internal sealed record SettingsDto(bool EmailReporters);

internal sealed class MailMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<DistributionList, DistributionListDto>()
            .Map(d => d.Members,
                l => l.Members.OrderBy(m => m.Email, StringComparer.Ordinal).Select(m => new ListMemberDto(m.Email, m.Name)).ToList());
        config.NewConfig<MailDelivery, DeliveryDto>();
        config.NewConfig<CommunicationSettings, SettingsDto>();
    }
}

/// <summary>A list's name, description and members' addresses; a name is the region's only list of that name.</summary>
internal sealed class DistributionListRequestValidator : RequestValidator<DistributionListRequest>
{
    public const int MaxMembers = 500;
    public const int MemberNameMax = 200;

    public DistributionListRequestValidator(TextCatalog texts, CommunicationsDbContext db) : base(texts)
    {
        RequiredText(r => r.Name, DistributionList.NameMax);
        OptionalText(r => r.Description, DistributionList.DescriptionMax);
        RuleForEach(r => r.Members).NotNull().WithMessage(_ => Texts["validation.required"]).ChildRules(member =>
            member.RuleFor(m => m.Email).Must(e => MailQueue.IsAddress(e?.Trim() ?? ""))
                .WithMessage((_, e) => Texts.Get("communications.validation.email", e?.Trim() ?? "")));
        RuleFor(r => r.Members).Must(m => Addresses(m).Count <= MaxMembers)
            .WithMessage(r => Texts.Get("validation.tooLong", MaxMembers, Addresses(r.Members).Count));
        RuleFor(r => r.Name)
            .MustAsync(async (r, name, ct) => string.IsNullOrWhiteSpace(name)
                || !await db.Lists.AnyAsync(l => l.Name == name.Trim() && l.Id != r.ListId, ct))
            .WithMessage((_, name) => Texts.Get("communications.list.nameTaken", name!.Trim()));
    }

    /// <summary>The members' valid addresses, each once (letter case aside), in the order given.</summary>
    public static List<string> Addresses(IReadOnlyList<ListMemberDto?>? members) =>
        (members ?? []).Select(m => m?.Email?.Trim() ?? "").Where(MailQueue.IsAddress).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>Puts e-mails on the delivery table; the delivery worker sends them.</summary>
internal sealed class MailQueue(CommunicationsDbContext db, TimeProvider clock)
{
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

    internal static bool IsAddress(string email)
    {
        if (email.Length is 0 or > ListMember.EmailMax || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
            || email.Count(c => c == '@') != 1)
        {
            return false;
        }
        // The same parser that later writes the To header: what it reads back unchanged is a bare address it can send to.
        return MimeKit.MailboxAddress.TryParse(email, out var parsed) && parsed.Address == email;
    }
}

internal static class DistributionListChanges
{
    /// <summary>Writes a validated request onto a list: members gone are removed, kept ones renamed, new ones added.</summary>
    public static void Apply(CommunicationsDbContext db, DistributionList list, DistributionListRequest request)
    {
        (list.Name, list.Description) = (request.Name!.Trim(), CommValidation.Clean(request.Description));
        var members = (request.Members ?? []).Select(m => (Email: m.Email.Trim(), Name: MemberName(m.Name)))
            .DistinctBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToList();
        var wanted = members.Select(m => m.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var gone in list.Members.Where(m => !wanted.Contains(m.Email)).ToList())
        {
            list.Members.Remove(gone);
            db.ListMembers.Remove(gone);
        }
        foreach (var (email, name) in members)
        {
            if (list.Members.FirstOrDefault(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)) is { } kept)
            {
                kept.Name = name;
            }
            else
            {
                list.Members.Add(new ListMember { ListId = list.Id, Email = email, Name = name });
            }
        }
    }

    private static string? MemberName(string? name) =>
        CommValidation.Clean(name) is { } clean ? clean[..Math.Min(DistributionListRequestValidator.MemberNameMax, clean.Length)] : null;
}
