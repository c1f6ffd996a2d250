using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Rake.Host.Tests;

/// <summary>
/// A real SMTP server (the SmtpServer package) in this process, on 127.0.0.1 and a free port; it keeps every message it
/// accepts. Stop it to make delivery fail, start it again on the same port. With credentials it refuses mail from a
/// client that has not authenticated with them.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<SinkMessage> messages = new();
    private readonly (string User, string Password)? credentials;
    private CancellationTokenSource? running;
    private Task? serving;

    private SmtpSink(int port, (string User, string Password)? credentials)
    {
        Port = port;
        this.credentials = credentials;
    }

    public int Port { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A sink on a free port, not yet started (<see cref="StartAsync"/>).</summary>
    public static SmtpSink Create((string User, string Password)? credentials = null) => new(FreePort(), credentials);

    public static async Task<SmtpSink> StartNewAsync((string User, string Password)? credentials = null)
    {
        var sink = Create(credentials);
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .AuthenticationRequired(credentials is not null)
                .AllowUnsecureAuthentication(credentials is not null))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(messages));
        if (credentials is { } c)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == c.User && password == c.Password));
        }
        running = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
        // StartAsync binds before it first yields; a connection proves the port answers.
        using var probe = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await probe.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
    }

    public async Task StopAsync()
    {
        if (running is null)
        {
            return;
        }
        await running.CancelAsync();
        try { await serving!; }
        catch (OperationCanceledException) { /* stopped */ }
        running.Dispose();
        (running, serving) = (null, null);
    }

    /// <summary>The accepted messages, oldest first.</summary>
    public IReadOnlyList<SinkMessage> Messages() => [.. messages];

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(ConcurrentQueue<SinkMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            messages.Enqueue(new SinkMessage(
                transaction.To.Select(m => m.AsAddress()).ToList(), transaction.From.AsAddress(),
                context.Authentication.IsAuthenticated ? context.Authentication.User : null, message));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>One accepted message: the envelope (recipients, sender, the user who authenticated) and the parsed message.</summary>
public sealed record SinkMessage(IReadOnlyList<string> Recipients, string EnvelopeFrom, string? AuthenticatedUser, MimeMessage Message)
{
    public string Subject => Message.Subject ?? "";

    public string Body => Message.TextBody ?? "";

    public string? Header(string name) => Message.Headers[name];
}
