using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using TestDatabase = Rake.Host.Tests.WorkflowDurabilityTests.TestDatabase;

namespace Rake.Host.Tests;

/// <summary>
/// scripts/backup.sh (docs/adr/0128): an online backup of a Host's database with demo data, restored into a fresh database,
/// holds every table of every schema with the same rows; and a Host starts on the restored database and takes submissions.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_backup_taken_while_the_host_runs_restores_every_table_row_for_row()
    {
        await using var source = await TestDatabase.CreateAsync();
        await using var target = await TestDatabase.CreateAsync();
        var backup = Path.Combine(Path.GetTempPath(), $"rake-backup-{Guid.NewGuid():N}.bak");
        try
        {
            TableSnapshot before;
            await using (var host = await RakeTestHost.StartAsync(existingConnectionString: source.ConnectionString, configure: b =>
            {
                // Nothing may write between the backup and the comparison, so the workflow timers (Quartz's check-ins) stay
                // off, and so does the mail worker (its round after the submission's notice records the attempt).
                b.Configuration["Rake:Workflows:Scheduler"] = "Off";
                b.Configuration["Communications:Smtp:WorkerEnabled"] = "false";
            }))
            {
                using var professional = await host.ClientFor("kymenlaakso-professional");
                await Reports.SubmitAsync(professional, "kymenlaakso");
                await host.DeliverEventsAsync();

                // Online: the Host is up and answering while the backup runs.
                await RunScriptAsync("backup", backup, source.ConnectionString);
                using var anonymous = host.Anonymous();
                Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/ready")).StatusCode);
                before = await TableSnapshot.ReadAsync(source.ConnectionString);
            }
            await RunScriptAsync("restore", backup, target.ConnectionString);
            var after = await TableSnapshot.ReadAsync(target.ConnectionString);

            Assert.True(before.Tables.Count >= 40, $"Only {before.Tables.Count} tables were compared.");
            Assert.Contains(before.Tables, t => t.Key.Contains("SocialReports", StringComparison.Ordinal) && t.Value.Rows > 0);
            Assert.Contains(before.Tables, t => t.Key.Contains("AspNetUsers", StringComparison.Ordinal) && t.Value.Rows > 20);
            Assert.Equal(before.Tables.Keys.Order(), after.Tables.Keys.Order());
            foreach (var (table, expected) in before.Tables)
            {
                Assert.True(expected == after.Tables[table], $"{table}: {expected} before, {after.Tables[table]} after the restore");
            }

            // The restored database is a working one: a Host starts on it and numbers the next report after the stored ones.
            await using (var restored = await RakeTestHost.StartAsync(existingConnectionString: target.ConnectionString))
            {
                using var client = await restored.ClientFor("kymenlaakso-professional");
                await Reports.SubmitAsync(client, "kymenlaakso");
            }
            var changed = await TableSnapshot.ReadAsync(target.ConnectionString);
            var reports = before.Tables.Keys.Single(k => k.EndsWith("SocialReports\"", StringComparison.Ordinal));
            // The comparison can tell a difference: one more report is seen as one.
            Assert.Equal(before.Tables[reports].Rows + 1, changed.Tables[reports].Rows);
        }
        finally
        {
            File.Delete(backup);
        }
    }

    private static async Task RunScriptAsync(string command, string file, string connectionString)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "backup.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, command, file })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Database__Provider"] = RakeTestHost.UsePostgres ? "Postgres" : "Sqlite";
        start.Environment["Database__ConnectionString"] = connectionString;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"backup.sh {command} failed ({process.ExitCode}): {await output}{await error}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "scripts", "backup.sh")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("scripts/backup.sh not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every table of every schema: its row count and a hash of its rows, sorted, so row order does not matter.</summary>
    private sealed record TableSnapshot(IReadOnlyDictionary<string, TableContent> Tables)
    {
        public static async Task<TableSnapshot> ReadAsync(string connectionString)
        {
            await using DbConnection connection = RakeTestHost.UsePostgres
                ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
                : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            var names = await ListAsync(connection, RakeTestHost.UsePostgres
                ? "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
                  "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                : "SELECT '\"' || replace(name, '\"', '\"\"') || '\"' FROM sqlite_master " +
                  "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
            var tables = new Dictionary<string, TableContent>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                // PostgreSQL writes any row as text itself; on SQLite each value is written here.
                var rows = RakeTestHost.UsePostgres
                    ? await ListAsync(connection, $"SELECT t::text FROM {name} AS t")
                    : await RowsAsync(connection, $"SELECT * FROM {name}");
                rows.Sort(StringComparer.Ordinal);
                var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows))));
                tables[name] = new TableContent(rows.Count, hash);
            }
            return new TableSnapshot(tables);
        }

        private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var list = new List<string>();
            while (await reader.ReadAsync())
            {
                list.Add(reader.GetString(0));
            }
            return list;
        }

        private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            var values = new string[reader.FieldCount];
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values[i] = reader.GetValue(i) switch
                    {
                        DBNull => "\u2400",
                        byte[] bytes => Convert.ToHexString(bytes),
                        var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
                    };
                }
                rows.Add(string.Join('\u001f', values));
            }
            return rows;
        }
    }

    private sealed record TableContent(int Rows, string Hash);
}
