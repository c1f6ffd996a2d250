using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Rake.Host.Tests;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Features.Mail;

namespace Rake.Modules.Communications.Tests;

/// <summary>The MailKit sender against an in-process SMTP server: authentication, TLS that is never skipped, timeouts.</summary>
public sealed class SmtpMailSenderTests
{
    private static SmtpMailSender Sender(int port, string? user = null, string? password = null, bool ssl = false, int timeoutSeconds = 10)
        =>
        new(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = port,
            From = "Rake <rake@test.invalid>",
            UserName = user,
            Password = password,
            EnableSsl = ssl,
            TimeoutSeconds = timeoutSeconds,
        }));

    private static MailDelivery Delivery(string to = "vastaanottaja@test.invalid") => new()
    {
        Id = Guid.CreateVersion7(),
        To = to,
        Subject = "Kokouskutsu – työryhmä ääkkösin",
        Body = "Rivi yksi.\nRivi kaksi: Åland.",
        Status = DeliveryStatus.Pending,
        CreatedAt = DateTimeOffset.UtcNow,
        NextAttemptAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task With_a_user_name_configured_it_authenticates_and_the_message_arrives_intact()
    {
        await using var sink = await SmtpSink.StartNewAsync(("rake-mailer", "salasana"));
        var delivery = Delivery();

        await Sender(sink.Port, "rake-mailer", "salasana").SendAsync(delivery, CancellationToken.None);

        var received = Assert.Single(sink.Messages());
        Assert.Equal("rake-mailer", received.AuthenticatedUser);
        Assert.Equal(["vastaanottaja@test.invalid"], received.Recipients);
        Assert.Equal("rake@test.invalid", received.EnvelopeFrom);
        Assert.Equal("Rake", Assert.Single(received.Message.From.Mailboxes).Name);
        Assert.Equal("Kokouskutsu – työryhmä ääkkösin", received.Subject);
        Assert.Equal("Rivi yksi.\nRivi kaksi: Åland.", received.Body.ReplaceLineEndings("\n").TrimEnd('\n'));
        Assert.Equal(delivery.Id.ToString("D"), received.Header(SmtpMailSender.DeliveryHeader));
    }

    [Fact]
    public async Task A_session_sends_a_round_of_messages_over_one_signed_in_connection_and_each_arrives_once()
    {
        await using var sink = await SmtpSink.StartNewAsync(("rake-mailer", "salasana"));
        var deliveries = new[] { Delivery("eka@test.invalid"), Delivery("toka@test.invalid"), Delivery("kolmas@test.invalid") };

        int connections;
        await using (var session = Sender(sink.Port, "rake-mailer", "salasana").OpenSession())
        {
            foreach (var delivery in deliveries)
            {
                await session.SendAsync(delivery, CancellationToken.None);
            }
            connections = session.Connections;
        }

        Assert.Equal(1, connections);
        Assert.Equal(deliveries.Select(d => d.Id.ToString("D")), sink.Messages().Select(m => m.Header(SmtpMailSender.DeliveryHeader)));
        Assert.All(sink.Messages(), m => Assert.Equal("rake-mailer", m.AuthenticatedUser));
    }

    [Fact]
    public async Task After_a_failed_message_the_session_opens_a_new_connection_for_the_next()
    {
        await using var sink = await SmtpSink.StartNewAsync(("rake-mailer", "salasana"));
        await using var session = Sender(sink.Port, "rake-mailer", "väärä").OpenSession();

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => session.SendAsync(Delivery(), CancellationToken.None));
        Assert.True(SmtpMailSender.IsDeliveryFailure(refused, CancellationToken.None), refused.ToString());
        await Assert.ThrowsAnyAsync<Exception>(() => session.SendAsync(Delivery(), CancellationToken.None));

        Assert.Equal(2, session.Connections);
        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task A_wrong_password_or_no_user_name_where_the_server_requires_one_is_a_recorded_failure_and_nothing_is_sent()
    {
        await using var sink = await SmtpSink.StartNewAsync(("rake-mailer", "salasana"));

        var wrong = await Assert.ThrowsAnyAsync<Exception>(
            () => Sender(sink.Port, "rake-mailer", "väärä").SendAsync(Delivery(), CancellationToken.None));
        Assert.IsType<AuthenticationException>(wrong);
        Assert.True(SmtpMailSender.IsDeliveryFailure(wrong, CancellationToken.None));

        var anonymous = await Assert.ThrowsAnyAsync<Exception>(() => Sender(sink.Port).SendAsync(Delivery(), CancellationToken.None));
        Assert.True(SmtpMailSender.IsDeliveryFailure(anonymous, CancellationToken.None), anonymous.ToString());

        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task With_ssl_enabled_a_server_without_starttls_gets_nothing_in_clear_text()
    {
        await using var sink = await SmtpSink.StartNewAsync();

        var refused = await Assert.ThrowsAnyAsync<Exception>(
            () => Sender(sink.Port, ssl: true).SendAsync(Delivery(), CancellationToken.None));

        Assert.True(SmtpMailSender.IsDeliveryFailure(refused, CancellationToken.None), refused.ToString());
        Assert.Empty(sink.Messages());
    }

    [Theory]
    [InlineData(false, 25, SecureSocketOptions.None)]
    [InlineData(false, 465, SecureSocketOptions.None)]
    [InlineData(true, 587, SecureSocketOptions.StartTls)]
    [InlineData(true, 465, SecureSocketOptions.SslOnConnect)]
    public void Ssl_means_implicit_tls_on_port_465_and_required_starttls_elsewhere(bool enableSsl, int port, SecureSocketOptions expected)
        =>
        Assert.Equal(expected, SmtpMailSender.Security(new SmtpOptions { EnableSsl = enableSsl, Port = port }));

    [Fact]
    public async Task A_server_that_accepts_the_connection_but_never_answers_fails_after_the_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var watch = Stopwatch.StartNew();

        var timedOut = await Assert.ThrowsAnyAsync<Exception>(
            () => Sender(port, timeoutSeconds: 1).SendAsync(Delivery(), CancellationToken.None));

        Assert.True(SmtpMailSender.IsDeliveryFailure(timedOut, CancellationToken.None), timedOut.ToString());
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Shutting_down_is_not_mistaken_for_a_failed_delivery()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Sender(sink.Port).SendAsync(Delivery(), stopping.Token));

        Assert.False(SmtpMailSender.IsDeliveryFailure(cancelled, stopping.Token));
    }
}
