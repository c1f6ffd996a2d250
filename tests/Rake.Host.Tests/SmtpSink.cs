using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Rake.Host.Tests;

/// <summary>
/// A real SMTP server (scripts/smtp-sink.py, Debian's python3-aiosmtpd) on 127.0.0.1 and a free port; each accepted
/// message becomes a file in <see cref="Folder"/>. Stop it to make delivery fail, start it again on the same port.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private Process? process;

    private SmtpSink(int port, string folder)
    {
        Port = port;
        Folder = folder;
    }

    public int Port { get; }
    public string Folder { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A sink on a free port, not yet started (<see cref="StartAsync"/>).</summary>
    public static SmtpSink Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rake-smtp-sink", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new SmtpSink(FreePort(), folder);
    }

    public static async Task<SmtpSink> StartNewAsync()
    {
        var sink = Create();
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "smtp-sink.py");
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { script, "--dir", Folder, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }
        process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("READY", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The SMTP sink did not start: {line} {await process.StandardError.ReadToEndAsync(timeout.Token)}");
        }
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process?.Dispose();
        process = null;
    }

    /// <summary>The stored messages, oldest first, as text.</summary>
    public IReadOnlyList<string> Messages() =>
        Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* harmless */ }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rake.Modular.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One stored message, with the subject and body decoded (RFC 2047 encoded words, base64 or quoted-printable body).</summary>
public sealed record SinkMessage(IReadOnlyList<string> Recipients, string Subject, string Body)
{
    public static SinkMessage Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerText = split < 0 ? raw : raw[..split];
        var bodyText = split < 0 ? "" : raw[(split + 4)..];
        var headers = System.Text.RegularExpressions.Regex.Replace(headerText, "\r\n[ \t]+", " ").Split("\r\n");
        string? Header(string name) => headers.FirstOrDefault(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();
        var recipients = headers.Where(h => h.StartsWith("X-Sink-Rcpt-To:", StringComparison.Ordinal)).Select(h => h["X-Sink-Rcpt-To:".Length..].Trim()).ToList();
        var subject = DecodeWords(Header("Subject") ?? "");
        var encoding = Header("Content-Transfer-Encoding") ?? "";
        var body = encoding.Equals("base64", StringComparison.OrdinalIgnoreCase)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(bodyText.Where(c => !char.IsWhiteSpace(c)))))
            : encoding.Equals("quoted-printable", StringComparison.OrdinalIgnoreCase) ? QuotedPrintable(bodyText) : bodyText;
        return new SinkMessage(recipients, subject, body);
    }

    private static string DecodeWords(string value)
    {
        var joined = System.Text.RegularExpressions.Regex.Replace(value, @"\?=\s+=\?", "?==?");
        return System.Text.RegularExpressions.Regex.Replace(joined, @"=\?([^?]+)\?([BbQq])\?([^?]*)\?=", m =>
        {
            var charset = System.Text.Encoding.GetEncoding(m.Groups[1].Value);
            var text = m.Groups[3].Value;
            return m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? charset.GetString(Convert.FromBase64String(text))
                : QuotedPrintable(text.Replace('_', ' '), charset);
        });
    }

    private static string QuotedPrintable(string text, System.Text.Encoding? charset = null)
    {
        text = text.Replace("=\r\n", "");
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return (charset ?? System.Text.Encoding.UTF8).GetString(bytes.ToArray());
    }
}
