using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Npgsql;

namespace Rake.Host.Tests;

/// <summary>
/// The Host as its own process with a HOME (and temp folder) of its own, as on another machine or in a fresh container.
/// In-process Hosts cannot show this: the framework resolves its default key folder once per process.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string home;

    private HostProcess(Process process, string home, string baseAddress)
    {
        this.process = process;
        this.home = home;
        BaseAddress = baseAddress;
    }

    public string BaseAddress { get; }

    /// <summary>The process id, which Quartz writes into this Host's scheduler instance name.</summary>
    public int ProcessId => process.Id;

    public static async Task<HostProcess> StartAsync(string provider, string connectionString,
        IReadOnlyDictionary<string, string>? settings = null, TimeSpan? startWithin = null)
    {
        var folder = RepositoryRoot();
        var bin = Path.Combine(folder, "src", "Host", "Rake.Host", "bin", "Release", "net10.0");
        var home = Path.Combine(Path.GetTempPath(), "rake-tests", "home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(home, "tmp"));
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(bin, "Rake.Host.dll")])
        {
            WorkingDirectory = bin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["HOME"] = home;
        start.Environment["TMPDIR"] = Path.Combine(home, "tmp");
        start.Environment["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share");
        start.Environment["DOTNET_CLI_HOME"] = home;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = provider;
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, home, $"http://127.0.0.1:{port}");
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseAddress), Timeout = TimeSpan.FromSeconds(5) };
        for (var waited = Stopwatch.StartNew(); ; await Task.Delay(500))
        {
            if (process.HasExited || waited.Elapsed > (startWithin ?? TimeSpan.FromMinutes(3)))
            {
                await host.DisposeAsync();
                lock (output)
                {
                    throw new InvalidOperationException($"The Host process did not start:\n{output}");
                }
            }
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (TaskCanceledException) { /* busy starting */ }
        }
    }

    /// <summary>Ends the process with SIGKILL, as <c>kill -9</c>: no shutdown code of the Host runs.</summary>
    public async Task KillAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>The key ring may only be in the database: a key file in this Host's home would mean it was written there.</summary>
    public IReadOnlyList<string> KeyFilesInHome() =>
        Directory.Exists(home) ? Directory.GetFiles(home, "key-*.xml", SearchOption.AllDirectories) : [];

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try { Directory.Delete(home, recursive: true); }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Rake.Modular.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("Rake.Modular.sln was not found above the test assembly.");
    }
}

/// <summary>The data-protection key ring lives in the database (docs/adr/0093): sign-ins and tokens survive a redeploy and
/// work on every Host.</summary>
public sealed class KeyRingTests
{
    private const string ReportsUrl = "/api/v1/regions/kainuu/social-reports?pageSize=1";

    [Fact]
    public async Task A_restart_with_a_fresh_home_folder_keeps_the_session_and_the_token()
    {
        var (provider, connectionString, cleanup) = NewDatabase();
        try
        {
            string cookie, token;
            await using (var first = await HostProcess.StartAsync(provider, connectionString))
            {
                cookie = await CookieSignIn.CookieAsync(first.BaseAddress, "kainuu-professional");
                token = await TokenAsync(first.BaseAddress, "kainuu-professional");
                await AssertAcceptedAsync(first.BaseAddress, cookie, token);
                Assert.Empty(first.KeyFilesInHome());
            }
            await using var second = await HostProcess.StartAsync(provider, connectionString);
            await AssertAcceptedAsync(second.BaseAddress, cookie, token);
            Assert.Empty(second.KeyFilesInHome());
        }
        finally
        {
            await cleanup();
        }
    }

    [Fact]
    public async Task A_token_and_a_cookie_of_one_host_are_accepted_by_a_second_host_on_the_same_database()
    {
        await using var first = await RakeTestHost.StartAsync();
        var cookie = await CookieSignIn.CookieAsync(first.BaseAddress, "kainuu-professional");
        var token = await TokenAsync(first.BaseAddress, "kainuu-professional");
        await using var second = await HostProcess.StartAsync(first.IsPostgres ? "Postgres" : "Sqlite", first.ConnectionString);
        await AssertAcceptedAsync(second.BaseAddress, cookie, token);

        // And the other way round: what the second issues, the first accepts.
        var secondCookie = await CookieSignIn.CookieAsync(second.BaseAddress, "kainuu-planner");
        var secondToken = await TokenAsync(second.BaseAddress, "kainuu-planner");
        await AssertAcceptedAsync(first.BaseAddress, secondCookie, secondToken);
    }

    private static async Task<string> TokenAsync(string baseAddress, string userName)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = RakeTestHost.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
    }

    private static async Task AssertAcceptedAsync(string baseAddress, string cookie, string token)
    {
        using var withCookie = CookieSignIn.WithCookie(baseAddress, cookie);
        Assert.Equal(HttpStatusCode.OK, (await withCookie.GetAsync(ReportsUrl)).StatusCode);
        using var withToken = new HttpClient { BaseAddress = new Uri(baseAddress) };
        withToken.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await withToken.GetAsync(ReportsUrl)).StatusCode);
        // A token that was never issued is still refused: the check above is not a door left open.
        using var forged = new HttpClient { BaseAddress = new Uri(baseAddress) };
        forged.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token[..^8] + "AAAAAAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(ReportsUrl)).StatusCode);
    }

    private static (string Provider, string ConnectionString, Func<Task> Cleanup) NewDatabase()
    {
        if (RakeTestHost.UsePostgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("RAKE_TEST_POSTGRES"))
            {
                Database = $"rake_test_{Guid.NewGuid():N}",
            };
            var database = builder.Database;
            var connectionString = builder.ConnectionString;
            async Task DropAsync()
            {
                NpgsqlConnection.ClearAllPools();
                builder.Database = "postgres";
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            return ("Postgres", connectionString, DropAsync);
        }
        var folder = Path.Combine(Path.GetTempPath(), "rake-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Task DeleteAsync()
        {
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* a temp folder left behind is harmless */ }
            return Task.CompletedTask;
        }
        return ("Sqlite", $"Data Source={Path.Combine(folder, "rake.db")}", DeleteAsync);
    }
}
