using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Rake.Benchmarks;

/// <summary>
/// An SMTP server in the benchmark process on 127.0.0.1 (the SmtpServer package, as the tests use) that accepts and
/// counts every message. Each submission queues a notice mail to its supervisor; without a server the mail worker's
/// failed connections and retries would run during the measurement, which no deployment does (benchmarks/README.md).
/// </summary>
internal sealed class BenchMailSink : IAsyncDisposable
{
    private readonly CancellationTokenSource running = new();
    private int accepted;
    private Task? serving;

    public int Port { get; } = FreePort();

    public int Accepted => Volatile.Read(ref accepted);

    public static async Task<BenchMailSink> StartAsync()
    {
        var sink = new BenchMailSink();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, sink.Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CountingStore(sink));
        sink.serving = new SmtpServer.SmtpServer(options, services).StartAsync(sink.running.Token);
        using var probe = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await probe.ConnectAsync(IPAddress.Loopback, sink.Port, timeout.Token);
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await running.CancelAsync();
        try
        {
            if (serving is not null)
            {
                await serving;
            }
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
        running.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CountingStore(BenchMailSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref sink.accepted);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
