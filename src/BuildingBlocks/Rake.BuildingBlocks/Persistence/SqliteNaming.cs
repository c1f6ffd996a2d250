using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rake.BuildingBlocks.Persistence;

/// <summary>
/// What differs on SQLite. It has no schemas and every context shares one file, so there a schema becomes a
/// table-name prefix; and it cannot compare or sort DateTimeOffset text, so instants are stored as sortable integers.
/// </summary>
public static class SqliteNaming
{
    public static void ConfigureInstants(ModelConfigurationBuilder configurationBuilder, DatabaseFacade database)
    {
        if (database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <summary>Puts every table of the model in <paramref name="schema"/>: a real schema, or on SQLite a name prefix.</summary>
    public static void ApplySchema(ModelBuilder modelBuilder, DatabaseFacade database, string schema)
    {
        if (!database.IsSqlite())
        {
            modelBuilder.HasDefaultSchema(schema);
            return;
        }
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            entityType.SetTableName($"{schema}_{entityType.GetTableName()}");
        }
    }
}
