using Npgsql;
using NpgsqlTypes;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Host.Benchmark;

/// <summary>
/// What the cluster benchmark (benchmarks/Rake.ClusterLoad) needs inside each Host process, off unless
/// <c>Rake:Benchmark:Enabled</c> is true and refused in Production (docs/adr/0155): a bare-insert endpoint to compare
/// submissions with through the same nginx, and a log of outbox deliveries, one row per message whose handlers returned,
/// so the benchmark can count how often each message was handled. PostgreSQL only, as the cluster is.
/// </summary>
internal static class ClusterBenchmark
{
    public const string EnabledKey = "Rake:Benchmark:Enabled";
    public const string BarePath = "/bench/bare-insert";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);

    public static void AddClusterBenchmark(this WebApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }
        if (builder.Environment.IsProduction())
        {
            // An unauthenticated writing endpoint has no place in a real deployment.
            throw new InvalidOperationException($"{EnabledKey} is refused in the Production environment.");
        }
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (database.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException($"{EnabledKey} needs PostgreSQL (the cluster's database).");
        }
        builder.Services.AddSingleton(new BenchDataSource(NpgsqlDataSource.Create(database.ConnectionString)));
        builder.Services.AddSingleton<IOutboxDeliveryObserver, OutboxDeliveryLog>();
    }

    /// <summary>Creates the benchmark's tables (the Host holds the startup lock here) and maps the bare insert.</summary>
    public static async Task UseClusterBenchmarkAsync(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
        {
            return;
        }
        var source = app.Services.GetRequiredService<BenchDataSource>().Source;
        await using (var command = source.CreateCommand(
            """
            CREATE SCHEMA IF NOT EXISTS bench;
            CREATE TABLE IF NOT EXISTS bench."BareInserts" (
                "Id" uuid NOT NULL PRIMARY KEY, "RegionCode" varchar(40) NOT NULL, "Number" integer NOT NULL,
                "ReceivedAt" timestamptz NOT NULL, "Title" varchar(8000) NOT NULL, "Description" varchar(8000) NOT NULL,
                "Proposal" varchar(8000) NOT NULL, "Categories" varchar(8000) NOT NULL, "ServiceArea" varchar(200) NOT NULL,
                "Municipality" varchar(200) NOT NULL, "TargetGroup" varchar(200) NOT NULL, "Supervisor" varchar(200) NOT NULL,
                "Language" varchar(10) NOT NULL);
            CREATE TABLE IF NOT EXISTS bench."OutboxDeliveries" (
                "Id" bigserial PRIMARY KEY, "Source" varchar(100) NOT NULL, "MessageId" uuid NOT NULL,
                "DispatcherId" varchar(100) NOT NULL, "DeliveredAt" timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS "IX_OutboxDeliveries_MessageId" ON bench."OutboxDeliveries" ("MessageId");
            """))
        {
            await command.ExecuteNonQueryAsync();
        }
        var number = 0;
        app.MapPost(BarePath, async (BareReport body, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            var n = Interlocked.Increment(ref number);
            await using var command = source.CreateCommand(
                """
                INSERT INTO bench."BareInserts" ("Id", "RegionCode", "Number", "ReceivedAt", "Title", "Description", "Proposal",
                    "Categories", "ServiceArea", "Municipality", "TargetGroup", "Supervisor", "Language")
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                """);
            object[] values =
            [
                id, body.Region ?? "", n, DateTimeOffset.UtcNow, body.Title ?? "", body.Description ?? "", body.Proposal ?? "",
                string.Join(",", body.Categories ?? []), body.ServiceArea ?? "", body.Municipality ?? "", body.TargetGroup ?? "",
                body.Supervisor ?? "", body.Language ?? "fi",
            ];
            foreach (var value in values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            await command.ExecuteNonQueryAsync(ct);
            return Results.Created($"{BarePath}/{id}", new { id, number = n });
        }).ExcludeFromDescription();
    }
}

/// <summary>The benchmark's own connection pool, apart from the modules' contexts.</summary>
internal sealed record BenchDataSource(NpgsqlDataSource Source);

/// <summary>A report's fields as the submission takes them, written with no checks at all: the comparison's floor.</summary>
internal sealed record BareReport(
    string? Region, string? PhenomenonType, string? Title, string? Description, string? Proposal, IReadOnlyList<string>? Categories,
    string? ServiceArea, string? Municipality, string? TargetGroup, string? Supervisor, string? Language);

/// <summary>One row per outbox message whose handlers all returned, written by the dispatcher that ran them.</summary>
internal sealed class OutboxDeliveryLog(BenchDataSource data, TimeProvider clock) : IOutboxDeliveryObserver
{
    public async Task DeliveredAsync(string source, Guid messageId, string dispatcherId, CancellationToken cancellationToken)
    {
        await using var command = data.Source.CreateCommand(
            """INSERT INTO bench."OutboxDeliveries" ("Source", "MessageId", "DispatcherId", "DeliveredAt") VALUES ($1, $2, $3, $4)""");
        command.Parameters.Add(new NpgsqlParameter { Value = source });
        command.Parameters.Add(new NpgsqlParameter { Value = messageId });
        command.Parameters.Add(new NpgsqlParameter { Value = dispatcherId });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
