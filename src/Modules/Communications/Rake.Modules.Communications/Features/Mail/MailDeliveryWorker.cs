using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Persistence;

namespace Rake.Modules.Communications.Features.Mail;

/// <summary>
/// SMTP settings, section <c>Communications:Smtp</c>. The default is a local server on 127.0.0.1:2525 without TLS.
/// <see cref="EnableSsl"/> asks for TLS: implicit TLS on port 465, STARTTLS (required, never silently skipped) on any other.
/// </summary>
internal sealed class SmtpOptions
{
    public const string Section = "Communications:Smtp";

    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 2525;
    public bool EnableSsl { get; set; }
    public string From { get; set; } = "rake@localhost";

    /// <summary>
    /// A region's own sender address by region code (<c>Communications:Smtp:RegionSenders:kainuu</c>); a region without
    /// one sends from <see cref="From"/>.
    /// </summary>
    public Dictionary<string, string> RegionSenders { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public string SenderFor(string regionCode) =>
        RegionSenders.TryGetValue(regionCode, out var sender) && !string.IsNullOrWhiteSpace(sender) ? sender.Trim() : From;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>How often the worker looks for due mail when nothing wakes it.</summary>
    public int PollSeconds { get; set; } = 10;

    /// <summary>Off in tests that drive delivery by hand.</summary>
    public bool WorkerEnabled { get; set; } = true;
}

/// <summary>Wakes the worker when new mail is queued.</summary>
internal sealed class MailSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        try { signal.Release(); }
        catch (SemaphoreFullException) { /* already signalled */ }
    }

    /// <summary>True when woken, false when the timeout passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Sends due <see cref="MailDelivery"/> rows of every region through SMTP. A failure is recorded on the row (attempts,
/// error, next attempt after 1, 2, 4, 8 minutes); after <see cref="MailDelivery.MaxAttempts"/> the row is Failed and shows
/// in the UI until someone retries it. Nothing is dropped silently (docs/adr/0032).
/// </summary>
internal sealed class MailDeliveryWorker(IServiceScopeFactory scopes, IRegionAccess regions, IOptions<SmtpOptions> options,
    MailSignal signal, SmtpMailSender sender, TimeProvider clock, ILogger<MailDeliveryWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>How long a woken worker lets further mail gather before its round (docs/adr/0189).</summary>
    private static readonly TimeSpan CoalesceDelay = TimeSpan.FromMilliseconds(20);
    private readonly SemaphoreSlim oneAtATime = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WorkerEnabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
                if (await signal.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), stoppingToken))
                {
                    // Handlers wake the worker before their transaction commits, and submissions arriving together queue
                    // mail together: a short wait lets the rows land, so one round (one SMTP connection) sends them all.
                    await Task.Delay(CoalesceDelay, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Mail delivery round failed; retrying after the poll interval.");
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), stoppingToken)
                    .ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <summary>Shown on the delivery list; the code itself is never repeated.</summary>
    public const string IdentityCodeWithheld = "Withheld: the text holds a personal identity code. Edit the source text and send again.";

    /// <summary>Sends every due message of every region now; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await oneAtATime.WaitAsync(ct);
        try
        {
            var sent = 0;
            foreach (var region in regions.Regions)
            {
                sent += await DeliverRegionAsync(region, ct);
            }
            return sent;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<int> DeliverRegionAsync(RegionInfo region, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem(region.Id, "mail-delivery");
        var db = scope.ServiceProvider.GetRequiredService<CommunicationsDbContext>();
        var now = clock.GetUtcNow();
        var due = (await db.Deliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.Pending).ToListAsync(ct))
            .Where(d => d.NextAttemptAt <= now).OrderBy(d => d.CreatedAt).Take(100).ToList();
        var sent = 0;
        await using var smtp = sender.OpenSession();
        foreach (var candidate in due)
        {
            // Claim the row first: with two Host processes only the one whose update hits the row sends it; a crash
            // after the claim makes it due again when the lease ends (at-least-once).
            var lease = clock.GetUtcNow().Add(ClaimLease);
            var claimed = await db.Deliveries
                .Where(d => d.Id == candidate.Id && d.Status == DeliveryStatus.Pending && d.Attempts == candidate.Attempts)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Attempts, candidate.Attempts + 1).SetProperty(d => d.NextAttemptAt, lease),
                    ct);
            if (claimed != 1)
            {
                continue;
            }
            var delivery = await db.Deliveries.SingleAsync(d => d.Id == candidate.Id, ct);
            if (StoredTextCheck.AnyIdentityCode(delivery.Subject, delivery.Body))
            {
                // The last gate before text leaves the region: a code that slipped into a queued message is never sent.
                (delivery.Status, delivery.LastError) = (DeliveryStatus.Failed, IdentityCodeWithheld);
                MailTelemetry.MailFailed(region.Id.Code, true);
                logger.LogWarning("Mail {Id} withheld: its text holds a personal identity code", delivery.Id);
                await db.SaveChangesAsync(ct);
                continue;
            }
            try
            {
                await smtp.SendAsync(delivery, ct);
                (delivery.Status, delivery.SentAt, delivery.LastError) = (DeliveryStatus.Sent, clock.GetUtcNow(), null);
                sent++;
                MailTelemetry.MailSent(region.Id.Code);
            }
            catch (Exception ex) when (SmtpMailSender.IsDeliveryFailure(ex, ct))
            {
                var error = $"{ex.GetType().Name}: {ex.Message}{(ex.InnerException is { } inner ? $" ({inner.Message})" : "")}";
                delivery.LastError = error.Length > MailDelivery.ErrorMax ? error[..MailDelivery.ErrorMax] : error;
                if (delivery.Attempts >= MailDelivery.MaxAttempts)
                {
                    delivery.Status = DeliveryStatus.Failed;
                }
                else
                {
                    delivery.NextAttemptAt = clock.GetUtcNow().AddMinutes(Math.Pow(2, delivery.Attempts - 1));
                }
                MailTelemetry.MailFailed(region.Id.Code, delivery.Status == DeliveryStatus.Failed);
                logger.LogWarning("Mail {Id} to {To} failed (attempt {Attempt}): {Error}",
                    delivery.Id, delivery.To, delivery.Attempts, delivery.LastError);
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}
