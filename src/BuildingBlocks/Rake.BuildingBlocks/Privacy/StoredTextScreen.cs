using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Persistence;

namespace Rake.BuildingBlocks.Privacy;

/// <summary>
/// One stored text that the guard would refuse today. <paramref name="Excerpt"/> shows a little of the text around the
/// code with every code in it masked; <paramref name="EditPath"/> is relative to the region (<c>communications/…</c>).
/// </summary>
public sealed record StoredTextFinding(string Module, string Record, string RecordId, string Field, string Excerpt, string? EditPath);

/// <summary>
/// What a module answers for the cleanup of old data (issue 12): the texts of its own tables, in the current region, that
/// hold a personal identity code. Each module registers one with <see cref="StoredTextScreenExtensions.AddStoredTextScreen{TContext}"/>.
/// </summary>
public interface IStoredTextScreen
{
    string Module { get; }

    Task<IReadOnlyList<StoredTextFinding>> FindIdentityCodesAsync(CancellationToken ct);
}

/// <summary>Where a record of a module can be edited, or null when no page edits it.</summary>
public sealed record StoredTextLinks<TContext>(Func<object, string?> EditPath) where TContext : ModuleDbContext;

public static class StoredTextScreenExtensions
{
    /// <summary>Lets the module's own DbContext answer for its tables; <paramref name="editPath"/> links a record to its page.</summary>
    public static IServiceCollection AddStoredTextScreen<TContext>(this IServiceCollection services, Func<object, string?>? editPath = null)
        where TContext : ModuleDbContext
    {
        services.AddSingleton(new StoredTextLinks<TContext>(editPath ?? (_ => null)));
        services.AddScoped<IStoredTextScreen, ModuleStoredTextScreen<TContext>>();
        return services;
    }
}

/// <summary>
/// Reads every string column of every region-owned entity of one module through its DbContext, so the region query filter
/// keeps the scan inside the caller's region, page by page so a large table is never loaded at once.
/// </summary>
internal sealed class ModuleStoredTextScreen<TContext>(TContext db, StoredTextLinks<TContext> links) : IStoredTextScreen
    where TContext : ModuleDbContext
{
    private const int PageSize = 500;
    private const int ContextChars = 30;

    private static readonly MethodInfo ScanMethod =
        typeof(ModuleStoredTextScreen<TContext>).GetMethod(nameof(ScanAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public string Module => db.Schema;

    public async Task<IReadOnlyList<StoredTextFinding>> FindIdentityCodesAsync(CancellationToken ct)
    {
        var findings = new List<StoredTextFinding>();
        foreach (var entity in db.Model.GetEntityTypes()
            .Where(e => !e.IsOwned() && typeof(IRegionOwned).IsAssignableFrom(e.ClrType) && e.FindPrimaryKey() is not null)
            .OrderBy(e => e.ClrType.Name, StringComparer.Ordinal))
        {
            var texts = entity.GetProperties()
                .Where(p => p.ClrType == typeof(string) && p.PropertyInfo is not null && p.Name != nameof(IRegionOwned.RegionCode))
                .Select(p => p.PropertyInfo!)
                .ToList();
            if (texts.Count == 0)
            {
                continue;
            }
            var keys = entity.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo).ToList();
            if (keys.Any(k => k is null))
            {
                continue;
            }
            var scan = (Task)ScanMethod.MakeGenericMethod(entity.ClrType).Invoke(this, [texts, keys, findings, ct])!;
            await scan;
        }
        return findings;
    }

    private async Task ScanAsync<TEntity>(
        List<PropertyInfo> texts, List<PropertyInfo?> keys, List<StoredTextFinding> findings, CancellationToken ct)
        where TEntity : class
    {
        var ordered = db.Set<TEntity>().AsNoTracking().OrderBy(e => EF.Property<object>(e, keys[0]!.Name));
        for (var page = 0; ; page++)
        {
            var rows = await ordered.Skip(page * PageSize).Take(PageSize).ToListAsync(ct);
            foreach (var row in rows)
            {
                foreach (var property in texts)
                {
                    if (property.GetValue(row) is not string { Length: > 0 } text || !PiiGuard.ContainsIdentityCode(text))
                    {
                        continue;
                    }
                    var id = string.Join('/', keys.Select(k =>
                        Convert.ToString(k!.GetValue(row), System.Globalization.CultureInfo.InvariantCulture)));
                    findings.Add(
                        new StoredTextFinding(Module, typeof(TEntity).Name, id, property.Name, Excerpt(text), links.EditPath(row)));
                }
            }
            if (rows.Count < PageSize)
            {
                return;
            }
        }
    }

    /// <summary>The text around the first code, with every code in the text masked, so the list itself leaks nothing.</summary>
    private static string Excerpt(string text)
    {
        var codes = PiiGuard.IdentityCodesIn(text);
        var masked = new StringBuilder(text);
        foreach (var code in codes)
        {
            for (var i = code.Index; i < code.Index + code.Length; i++)
            {
                masked[i] = i < code.Index + 2 || char.IsWhiteSpace(text[i]) ? text[i] : '*';
            }
        }
        var first = codes[0];
        var start = Math.Max(0, first.Index - ContextChars);
        var end = Math.Min(text.Length, first.Index + first.Length + ContextChars);
        var excerpt = masked.ToString(start, end - start).ReplaceLineEndings(" ");
        return (start > 0 ? "…" : "") + excerpt + (end < text.Length ? "…" : "");
    }
}
