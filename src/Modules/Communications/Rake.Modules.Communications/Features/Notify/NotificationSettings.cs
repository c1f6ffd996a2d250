namespace Rake.Modules.Communications.Features.Notify;

internal sealed record KindSettingDto(string Kind, string Channel, IReadOnlyList<string> Allowed);

internal sealed record NotificationSettingsDto(string Language, IReadOnlyList<KindSettingDto> Kinds);

internal sealed record KindChoice(string? Kind, string? Channel);

/// <summary>The caller's language for notices and a channel per kind; kinds left out keep their choice.</summary>
internal sealed record SaveNotificationSettingsRequest(string? Language, IReadOnlyList<KindChoice?>? Kinds);

internal sealed record PersonNoticeDto(Guid Id, string Kind, string Text, string? Link, DateTimeOffset CreatedAt, bool InDigest);

internal static class NotificationSettingsEndpoints
{
    public const string Tag = "Notification settings";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/me/notification-settings", (NotificationSettingsHandler h, CancellationToken ct) => h.GetAsync(ct))
            .WithTags(Tag).WithSummary("The caller's notice language and channel per kind (in-app, e-mail, daily digest, off) here.");
        api.MapPut("/me/notification-settings", (SaveNotificationSettingsRequest request, NotificationSettingsHandler h,
                CancellationToken ct) => h.SaveAsync(request, ct))
            .WithTags(Tag).WithSummary("Choose the notice language and a channel per kind; 'Off' only where the kind allows it.");
        api.MapGet("/me/notices", (NotificationSettingsHandler h, CancellationToken ct) => h.NoticesAsync(ct))
            .WithTags(Tag).WithSummary("The caller's latest notices in this region, in the request's language.");
    }
}

internal sealed class SaveNotificationSettingsValidator : RequestValidator<SaveNotificationSettingsRequest>
{
    public SaveNotificationSettingsValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.Language).Must(l => l is null || TextCatalog.Languages.Contains(l))
            .WithMessage((_, l) => Texts.Get("notify.validation.language", l ?? "", string.Join(", ", TextCatalog.Languages)));
        RuleForEach(r => r.Kinds).NotNull().WithMessage(_ => Texts["validation.required"]).ChildRules(choice =>
        {
            choice.RuleFor(c => c!.Kind).Must(k => Enum.TryParse<NoticeKind>(k, out _) && !int.TryParse(k, out _))
                .WithMessage((_, k) => Texts.Get("notify.validation.kind", k ?? "", string.Join(", ", Enum.GetNames<NoticeKind>())));
            choice.RuleFor(c => c!.Channel)
                .Must((c, channel) => !Enum.TryParse<NoticeKind>(c!.Kind, out var kind) || int.TryParse(c.Kind, out _)
                    || (Enum.TryParse<NoticeChannel>(channel, out var chosen) && !int.TryParse(channel, out _)
                        && NoticePolicy.Allowed(kind).Contains(chosen)))
                .WithMessage((c, channel) => Texts.Get("notify.validation.channel", channel ?? "",
                    string.Join(", ", Enum.TryParse<NoticeKind>(c!.Kind, out var kind) ? NoticePolicy.Allowed(kind) : [])));
        });
    }
}

/// <summary>The signed-in person's own settings in this region; nobody reads or writes another person's.</summary>
internal sealed class NotificationSettingsHandler(CommunicationsDbContext db, IRequestContext actor, PersonNotifier notifier,
    TextCatalog texts)
{
    public const int Latest = 50;

    private Guid Me => actor.UserId ?? throw new ForbiddenException(texts["notify.signInFirst"]);

    public async Task<NotificationSettingsDto> GetAsync(CancellationToken ct)
    {
        var me = Me;
        var kinds = new List<KindSettingDto>();
        foreach (var kind in Enum.GetValues<NoticeKind>())
        {
            kinds.Add(new KindSettingDto(kind.ToString(), (await notifier.ChannelOfAsync(me, kind, ct)).ToString(),
                [.. NoticePolicy.Allowed(kind).Select(c => c.ToString())]));
        }
        return new NotificationSettingsDto(await notifier.LanguageOfAsync(me, ct), kinds);
    }

    public async Task<NotificationSettingsDto> SaveAsync(SaveNotificationSettingsRequest request, CancellationToken ct)
    {
        var me = Me;
        if (request.Language is { } language)
        {
            var row = await db.NoticeLanguages.FirstOrDefaultAsync(l => l.UserId == me, ct);
            if (row is null)
            {
                db.NoticeLanguages.Add(new NoticeLanguage { UserId = me, Language = language });
            }
            else
            {
                row.Language = language;
            }
        }
        foreach (var choice in request.Kinds ?? [])
        {
            var (kind, channel) = (Enum.Parse<NoticeKind>(choice!.Kind!), Enum.Parse<NoticeChannel>(choice.Channel!));
            var row = await db.NoticePreferences.FirstOrDefaultAsync(p => p.UserId == me && p.Kind == kind, ct);
            if (row is null)
            {
                db.NoticePreferences.Add(new NoticePreference { UserId = me, Kind = kind, Channel = channel });
            }
            else
            {
                row.Channel = channel;
            }
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }

    public async Task<IReadOnlyList<PersonNoticeDto>> NoticesAsync(CancellationToken ct)
    {
        var me = Me;
        // Shown on a page or answered to a request: in the reader's language now, as the rest of that page is.
        var language = TextCatalog.CurrentLanguage;
        var rows = await db.PersonNotices.AsNoTracking().Where(n => n.UserId == me)
            .OrderByDescending(n => n.CreatedAt).Take(Latest).ToListAsync(ct);
        return rows.Select(n => new PersonNoticeDto(n.Id, n.Kind.ToString(),
            NoticeText.Line(texts, language, n.Template, NoticeText.Split(n.Args)), n.Link, n.CreatedAt, n.InDigest)).ToList();
    }
}
