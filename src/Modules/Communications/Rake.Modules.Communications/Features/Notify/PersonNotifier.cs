using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rake.Modules.Communications.Features.Mail;

namespace Rake.Modules.Communications.Features.Notify;

/// <summary>
/// One notice for one person. <see cref="MarkerKey"/> names the notice uniquely (kind, item, person), so it goes at most once;
/// <see cref="MailLines"/> adds rows to the e-mail only (the yearly summary's reports), in the person's language.
/// </summary>
internal sealed record NoticeRequest(Guid UserId, NoticeKind Kind, string Template, IReadOnlyList<string> Args, string? Link,
    string MarkerKey)
{
    public Func<string, IEnumerable<string>>? MailLines { get; init; }
}

/// <summary>Whether a notice went before (its marker exists), was switched off by the person, or was delivered now.</summary>
internal enum NoticeResult
{
    Duplicate,
    SwitchedOff,
    Delivered,
}

/// <summary>
/// Delivers notices as each person has chosen: an in-app notice, an e-mail through the delivery queue (outbox → MailKit),
/// a row for the day's digest, or nothing. E-mails carry a report number, a date or a status and a link, never content.
/// </summary>
internal sealed class PersonNotifier(CommunicationsDbContext db, IUserDirectory users, TextCatalog texts, MailQueue mail,
    MailSignal signal, IOptions<NotifyOptions> options, TimeProvider clock, ILogger<PersonNotifier> logger)
{
    public string Link(string path) => $"{options.Value.BaseUrl.TrimEnd('/')}/{db.CurrentRegionCode}/{path.TrimStart('/')}";

    public async Task<string> LanguageOfAsync(Guid userId, CancellationToken ct) =>
        await db.NoticeLanguages.AsNoTracking().Where(l => l.UserId == userId).Select(l => l.Language).FirstOrDefaultAsync(ct) ?? "fi";

    public async Task<NoticeChannel> ChannelOfAsync(Guid userId, NoticeKind kind, CancellationToken ct)
    {
        var chosen = await db.NoticePreferences.AsNoTracking().Where(p => p.UserId == userId && p.Kind == kind)
            .Select(p => (NoticeChannel?)p.Channel).FirstOrDefaultAsync(ct);
        if (chosen is { } channel && NoticePolicy.Allowed(kind).Contains(channel))
        {
            return channel;
        }
        var emailsReporters = kind == NoticeKind.ReportProgress
            && await db.Settings.AsNoTracking().AnyAsync(s => s.EmailReporters, ct);
        return NoticePolicy.Default(kind, emailsReporters);
    }

    /// <summary>Adds the notice (and its marker) to the context unless its marker exists; the caller saves.</summary>
    public async Task<NoticeResult> AddAsync(NoticeRequest request, CancellationToken ct)
    {
        var key = request.MarkerKey.Length > NoticeMarker.KeyMax ? request.MarkerKey[..NoticeMarker.KeyMax] : request.MarkerKey;
        if (db.NoticeMarkers.Local.Any(m => m.Key == key) || await db.NoticeMarkers.AnyAsync(m => m.Key == key, ct))
        {
            return NoticeResult.Duplicate;
        }
        var now = clock.GetUtcNow();
        db.NoticeMarkers.Add(new NoticeMarker { Key = key, At = now });
        var channel = await ChannelOfAsync(request.UserId, request.Kind, ct);
        if (channel == NoticeChannel.Off)
        {
            return NoticeResult.SwitchedOff;
        }
        db.PersonNotices.Add(new PersonNotice
        {
            Id = Guid.CreateVersion7(now),
            UserId = request.UserId,
            Kind = request.Kind,
            Template = request.Template,
            Args = NoticeText.Join(request.Args),
            Link = request.Link,
            CreatedAt = now,
            InDigest = channel == NoticeChannel.Digest,
        });
        if (channel == NoticeChannel.Email)
        {
            await MailAsync(request, key, ct);
        }
        return NoticeResult.Delivered;
    }

    /// <summary>Adds and saves one notice; true when it was delivered. A marker another Host wrote first makes it a no-op.</summary>
    public async Task<bool> SendAsync(NoticeRequest request, CancellationToken ct)
    {
        var result = await AddAsync(request, ct);
        if (result == NoticeResult.Duplicate)
        {
            return false;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            signal.Notify();
            return result == NoticeResult.Delivered;
        }
        catch (DbUpdateException ex)
        {
            // Another Host's sweep stored the same marker between the check and the insert: that one sends it.
            logger.LogInformation(ex, "Notice {Key} was sent by another sweep", request.MarkerKey);
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task MailAsync(NoticeRequest request, string key, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(request.UserId, ct);
        if (string.IsNullOrWhiteSpace(user?.Email) || !MailQueue.IsAddress(user.Email))
        {
            return;
        }
        var language = await LanguageOfAsync(request.UserId, ct);
        var args = request.Args.ToArray();
        var body = new List<string> { NoticeText.Line(texts, language, request.Template, args) };
        body.AddRange(request.MailLines?.Invoke(language) ?? []);
        if (request.Link is { } link)
        {
            body.Add("");
            body.Add(texts.GetIn(language, "notify.mail.open", link));
        }
        body.Add("");
        body.Add(texts.GetIn(language, "notify.mail.footer", Link("notification-settings")));
        mail.Queue(user.Email, NoticeText.Subject(texts, language, request.Template, args), string.Join('\n', body), null,
            $"notice:{key}"[..Math.Min(MailDelivery.SourceKeyMax, key.Length + 7)]);
    }

    /// <summary>One e-mail listing the person's notices waiting for today's digest; false when today's went already.</summary>
    public async Task<bool> SendDigestAsync(Guid userId, IReadOnlyList<PersonNotice> notices, DateOnly today, CancellationToken ct)
    {
        var key = $"digest:{userId:N}:{today:yyyy-MM-dd}";
        if (await db.NoticeMarkers.AnyAsync(m => m.Key == key, ct))
        {
            return false;
        }
        var now = clock.GetUtcNow();
        db.NoticeMarkers.Add(new NoticeMarker { Key = key, At = now });
        foreach (var notice in notices)
        {
            db.PersonNotices.Attach(notice);
            notice.DigestedAt = now;
        }
        var user = await users.FindByIdAsync(userId, ct);
        if (!string.IsNullOrWhiteSpace(user?.Email) && MailQueue.IsAddress(user.Email))
        {
            var language = await LanguageOfAsync(userId, ct);
            var date = today.ToString("d.M.yyyy", System.Globalization.CultureInfo.InvariantCulture);
            var body = new List<string> { texts.GetIn(language, "notify.digest.intro", date, notices.Count), "" };
            foreach (var n in notices.OrderBy(n => n.CreatedAt))
            {
                body.Add($"- {NoticeText.Line(texts, language, n.Template, NoticeText.Split(n.Args))}");
                if (n.Link is { } link)
                {
                    body.Add($"  {link}");
                }
            }
            body.Add("");
            body.Add(texts.GetIn(language, "notify.mail.footer", Link("notification-settings")));
            mail.Queue(user.Email, texts.GetIn(language, "notify.digest.subject", date), string.Join('\n', body), null, key);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            signal.Notify();
            return true;
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Digest {Key} was sent by another sweep", key);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
