using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Persistence;

namespace Rake.Host.Tests;

/// <summary>
/// The SQLite busy timeout is set once per native connection, not on every open (docs/adr/0189); a connection the pool
/// hands out again must still carry it, and a context configured with another value gets that value.
/// </summary>
public sealed class SqliteBusyTimeoutTests
{
    [Fact]
    public async Task Every_open_of_a_pooled_connection_carries_the_configured_busy_timeout()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rake-busy-{Guid.NewGuid():N}.db");
        try
        {
            Assert.All(await TimeoutsSeenAsync(file, 4321, opens: 3), t => Assert.Equal(4321L, t));
            // The same file and connection string reuse the pooled handles that already carry 4321.
            Assert.All(await TimeoutsSeenAsync(file, 1234, opens: 3), t => Assert.Equal(1234L, t));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<List<long>> TimeoutsSeenAsync(string file, int milliseconds, int opens)
    {
        var options = new DbContextOptionsBuilder()
            .UseRakeDatabase(new DatabaseOptions { ConnectionString = $"Data Source={file}", SqliteBusyTimeoutMilliseconds = milliseconds },
                "probe")
            .Options;
        var seen = new List<long>();
        for (var i = 0; i < opens; i++)
        {
            await using var db = new DbContext(options);
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            seen.Add((long)(await command.ExecuteScalarAsync())!);
            await db.Database.CloseConnectionAsync();
        }
        return seen;
    }
}
