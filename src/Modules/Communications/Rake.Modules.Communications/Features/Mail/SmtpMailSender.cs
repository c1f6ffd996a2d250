using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Text;
using Rake.Modules.Communications.Domain;

namespace Rake.Modules.Communications.Features.Mail;

/// <summary>Sends one <see cref="MailDelivery"/> through SMTP with MailKit (docs/adr/0080).</summary>
internal sealed class SmtpMailSender(IOptions<SmtpOptions> options)
{
    public const string DeliveryHeader = "X-Rake-Delivery";

    public async Task SendAsync(MailDelivery delivery, CancellationToken ct)
    {
        var o = options.Value;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.SenderFor(delivery.RegionCode)));
        message.To.Add(MailboxAddress.Parse(delivery.To));
        message.Subject = delivery.Subject;
        message.Headers.Add(DeliveryHeader, delivery.Id.ToString("D"));
        message.Body = new TextPart(TextFormat.Plain) { Text = delivery.Body };

        // MailKit's timeout covers the connect and every read and write, so a server that stops answering cannot hold
        // a delivery round.
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds)).TotalMilliseconds };
        await client.ConnectAsync(o.Host, o.Port, Security(o), ct);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
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
