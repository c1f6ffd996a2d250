using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using Rake.Modules.Communications.Domain;

namespace Rake.Modules.Communications.Features.Mail;

/// <summary>Sends <see cref="MailDelivery"/> rows through SMTP with MailKit (docs/adr/0080).</summary>
internal sealed class SmtpMailSender(IOptions<SmtpOptions> options)
{
    public const string DeliveryHeader = "X-Rake-Delivery";

    /// <summary>Sends one message on a connection of its own.</summary>
    public async Task SendAsync(MailDelivery delivery, CancellationToken ct)
    {
        await using var session = OpenSession();
        await session.SendAsync(delivery, ct);
    }

    /// <summary>
    /// A connection for one delivery round: opened at the first message and kept for the next, so a round of many mails
    /// connects (and signs in) once instead of once per mail (docs/adr/0189). A message that fails drops the connection and
    /// the next one opens a new one, so one failure cannot leave the rest of the round on a broken session.
    /// </summary>
    public SmtpMailSession OpenSession() => new(options.Value);

    internal static MimeMessage Message(SmtpOptions o, MailDelivery delivery)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.SenderFor(delivery.RegionCode)));
        message.To.Add(MailboxAddress.Parse(delivery.To));
        message.Subject = delivery.Subject;
        message.Headers.Add(DeliveryHeader, delivery.Id.ToString("D"));
        message.Body = new TextPart(TextFormat.Plain) { Text = delivery.Body };
        return message;
    }

    /// <summary>
    /// Without <see cref="SmtpOptions.EnableSsl"/> the connection stays plain, as before; with it, port 465 speaks TLS from
    /// the first byte and any other port must offer STARTTLS, so a server that does not is an error rather than clear text.
    /// </summary>
    internal static SecureSocketOptions Security(SmtpOptions o) =>
        !o.EnableSsl ? SecureSocketOptions.None : o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;

    /// <summary>Whether <paramref name="ex"/> means this delivery failed (recorded and retried) rather than a bug or shutdown.</summary>
    internal static bool IsDeliveryFailure(Exception ex, CancellationToken ct) => ex switch
    {
        OperationCanceledException => !ct.IsCancellationRequested,
        CommandException or ProtocolException or AuthenticationException or SslHandshakeException or IOException or SocketException
            or TimeoutException or NotSupportedException or ParseException or FormatException or InvalidOperationException => true,
        _ => false,
    };
}

/// <summary>One SMTP connection reused for the messages of a delivery round (see <see cref="SmtpMailSender.OpenSession"/>).</summary>
internal sealed class SmtpMailSession(SmtpOptions o) : IAsyncDisposable
{
    private SmtpClient? client;

    /// <summary>How many connections this session opened; a round without failures opens one.</summary>
    public int Connections { get; private set; }

    public async Task SendAsync(MailDelivery delivery, CancellationToken ct)
    {
        using var message = SmtpMailSender.Message(o, delivery);
        try
        {
            if (client is not { IsConnected: true })
            {
                client?.Dispose();
                // MailKit's timeout covers the connect and every read and write, so a server that stops answering cannot
                // hold a delivery round.
                client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)).TotalMilliseconds };
                Connections++;
                await client.ConnectAsync(o.Host, o.Port, SmtpMailSender.Security(o), ct);
                if (!string.IsNullOrEmpty(o.UserName))
                {
                    await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
                }
            }
            await client.SendAsync(message, ct);
        }
        catch
        {
            client?.Dispose();
            client = null;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client is null)
        {
            return;
        }
        try
        {
            if (client.IsConnected)
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)));
                await client.DisconnectAsync(quit: true, quit.Token);
            }
        }
        catch (Exception ex) when (SmtpMailSender.IsDeliveryFailure(ex, CancellationToken.None) || ex is OperationCanceledException)
        {
            // Every message was already accepted or recorded as failed; a QUIT that goes unanswered changes neither.
        }
        finally
        {
            client.Dispose();
            client = null;
        }
    }
}
