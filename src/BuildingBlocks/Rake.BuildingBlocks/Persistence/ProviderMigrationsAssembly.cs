using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Rake.BuildingBlocks.Persistence;

/// <summary>
/// Shows EF only the migrations generated for the provider in use. SQLite and PostgreSQL need different SQL (table-name
/// prefixes instead of schemas, instants as integers), so each context has one generated set per provider, in the
/// namespaces <c>…Migrations.Sqlite</c> and <c>…Migrations.Postgres</c> beside the context (docs/adr/0003).
/// </summary>
internal sealed class ProviderMigrationsAssembly(ICurrentDbContext currentContext, IMigrationsIdGenerator idGenerator) : IMigrationsAssembly
{
    private readonly Lazy<(SortedList<string, TypeInfo> Migrations, ModelSnapshot? Snapshot)> found = new(() =>
        Find(currentContext.Context));

    public IReadOnlyDictionary<string, TypeInfo> Migrations => found.Value.Migrations;

    public ModelSnapshot? ModelSnapshot => found.Value.Snapshot;

    public Assembly Assembly => currentContext.Context.GetType().Assembly;

    /// <summary>The last namespace segment of a context's migrations on this provider.</summary>
    public static string FolderFor(DatabaseFacade database) => database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "Sqlite",
        "Npgsql.EntityFrameworkCore.PostgreSQL" => "Postgres",
        var other => throw new InvalidOperationException($"No migrations are generated for the provider '{other}'."),
    };

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id => idGenerator.IsValidId(nameOrId)
        ? string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        : string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private static (SortedList<string, TypeInfo>, ModelSnapshot?) Find(DbContext context)
    {
        var contextType = context.GetType();
        var suffix = ".Migrations." + FolderFor(context.Database);
        var types = contextType.Assembly.DefinedTypes
            .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && t.Namespace?.EndsWith(suffix, StringComparison.Ordinal) == true)
            .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == contextType)
            .ToList();
        var migrations = new SortedList<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var type in types.Where(t => t.IsSubclassOf(typeof(Migration))))
        {
            var id = type.GetCustomAttribute<MigrationAttribute>()?.Id
                ?? throw new InvalidOperationException($"Migration {type.FullName} has no [Migration] id.");
            migrations.Add(id, type);
        }
        var snapshot = types.SingleOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)));
        return (migrations, snapshot is null ? null : (ModelSnapshot)Activator.CreateInstance(snapshot.AsType())!);
    }
}
