using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Rake.BuildingBlocks.Messaging;
using Rake.Host;

namespace Rake.Host.Tests;

/// <summary>
/// The whole Rake Host started in-process on a loopback port, on a database of its own: a fresh SQLite file by default,
/// or a fresh PostgreSQL database when RAKE_TEST_POSTGRES holds a server connection string (the test script sets it).
/// </summary>
public sealed class RakeTestHost : IAsyncDisposable
{
    public const string Password = "Demo-2026!";

    private readonly Dictionary<string, string> tokens = new();
    private readonly string? sqliteFolder;
    private readonly bool ownsDatabase = true;

    private RakeTestHost(WebApplication app, string baseAddress, string? sqliteFolder, string connectionString, bool postgres,
        bool ownsDatabase)
        : this(app, baseAddress, sqliteFolder, connectionString, postgres) => this.ownsDatabase = ownsDatabase;

    private RakeTestHost(WebApplication app, string baseAddress, string? sqliteFolder, string connectionString, bool postgres)
    {
        App = app;
        BaseAddress = baseAddress;
        this.sqliteFolder = sqliteFolder;
        ConnectionString = connectionString;
        IsPostgres = postgres;
    }

    public WebApplication App { get; }
    public string BaseAddress { get; }
    public string ConnectionString { get; }
    public bool IsPostgres { get; }
    public IServiceProvider Services => App.Services;

    public static bool UsePostgres => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("RAKE_TEST_POSTGRES"));

    /// <param name="existingConnectionString">
    /// Runs on a database another host used before (a restart); the caller then owns that database and removes it.
    /// </param>
    public static async Task<RakeTestHost> StartAsync(string environment = "Development", Action<WebApplicationBuilder>? configure = null,
        string? existingConnectionString = null)
    {
        string? folder = null;
        string connectionString;
        var postgres = UsePostgres;
        if (existingConnectionString is not null)
        {
            connectionString = existingConnectionString;
        }
        else if (postgres)
        {
            var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("RAKE_TEST_POSTGRES"))
            {
                Database = $"rake_test_{Guid.NewGuid():N}",
            };
            connectionString = server.ConnectionString;
        }
        else
        {
            folder = Path.Combine(Path.GetTempPath(), "rake-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "rake.db")}";
        }
        var app = await RakeHost.BuildAsync(
            ["--environment", environment, "--urls", "http://127.0.0.1:0"],
            builder =>
            {
                builder.Configuration["Database:Provider"] = postgres ? "Postgres" : "Sqlite";
                builder.Configuration["Database:ConnectionString"] = connectionString;
                builder.Configuration["Logging:LogLevel:Default"] = "Warning";
                // Password hashing at full strength would make each test host start take seconds.
                builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000);
                // Test classes sign many users in from the loopback; SignInRateLimitTests sets a small limit of its own.
                builder.Configuration["Rake:SignIn:PermitLimit"] = "100000";
                // Tests run the notice sweep by hand when they want it; a round on its own would mail the demo people mid-test.
                builder.Configuration["Communications:Notifications:SweepEnabled"] = "false";
                // Tests count the reports they make; the demo's reports and phenomena would be in every count (ADR 0172).
                builder.Configuration["Reporting:DemoReports"] = "false";
                configure?.Invoke(builder);
            });
        await app.StartAsync();
        var address = app.Urls.First();
        return new RakeTestHost(app, address, folder, connectionString, postgres, ownsDatabase: existingConnectionString is null);
    }

    public HttpClient Anonymous() => new() { BaseAddress = new Uri(BaseAddress) };

    /// <summary>A local account with no role anywhere, named from <paramref name="prefix"/> and unique.</summary>
    public async Task<(Guid Id, string UserName)> CreateAccountAsync(string prefix)
    {
        var userName = $"{prefix}-{Guid.NewGuid():N}"[..24];
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Rake.Host.Platform.RakeUser>>();
        var user = new Rake.Host.Platform.RakeUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = $"Testi {userName}",
            Email = $"{userName}@example.invalid",
        };
        var created = await users.CreateAsync(user, Password);
        Xunit.Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        return (user.Id, userName);
    }

    /// <summary>A client that sends the bearer token of the given demo user.</summary>
    public async Task<HttpClient> ClientFor(string userName)
    {
        if (!tokens.TryGetValue(userName, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password });
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
            tokens[userName] = token;
        }
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A DI scope acting as the system in one region, for looking at (or tampering with) stored data directly.</summary>
    public AsyncServiceScope RegionScope(string region)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Rake.BuildingBlocks.Regions.RequestContext>()
            .SetSystem(new Rake.BuildingBlocks.Contracts.RegionId(region), "test");
        return scope;
    }

    /// <summary>Delivers every pending outbox message now, instead of waiting for the dispatcher's next round.</summary>
    public Task<int> DeliverEventsAsync() => Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (IsPostgres && ownsDatabase)
        {
            NpgsqlConnection.ClearAllPools();
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            var database = builder.Database;
            builder.Database = "postgres";
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(sqliteFolder, recursive: true); }
            catch (IOException) { /* a temp folder left behind is harmless */ }
        }
    }

    private sealed record TokenResponse(string AccessToken, long ExpiresIn);
}

/// <summary>One Host shared by the tests of a class; tests create their own data and never rely on others'.</summary>
public sealed class SharedHost : IAsyncLifetime
{
    public RakeTestHost Host { get; private set; } = default!;

    public async Task InitializeAsync() => Host = await RakeTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedHostCollection : ICollectionFixture<SharedHost>
{
    public const string Name = "Shared Rake host";
}
