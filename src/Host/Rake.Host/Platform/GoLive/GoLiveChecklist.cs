using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;

namespace Rake.Host.Platform.GoLive;

/// <summary>One checklist line as shown: the module's item with its text in the caller's language and an absolute link.</summary>
/// <param name="Href">Where it is done, from the site root; null when nobody in the region can do it (the platform's part).</param>
public sealed record GoLiveItemDto(string Key, string Title, string Help, bool Done, int Count, string? Href);

public sealed record GoLiveModuleDto(string Module, string Name, int Done, int Total, IReadOnlyList<GoLiveItemDto> Items);

public sealed record GoLiveChecklistDto(string Region, string RegionName, int Done, int Total, IReadOnlyList<GoLiveModuleDto> Modules);

/// <summary>
/// A region's go-live checklist: the Host's own items (a way to sign in, people in the roles the work needs) and every
/// module's <see cref="IGoLiveSource"/>, read in a scope already set to the region, so each source sees that region only.
/// </summary>
internal sealed class GoLiveChecklist(
    IEnumerable<IGoLiveSource> sources, PlatformDbContext db, IRequestContext scope, RegionCatalog catalog,
    LocalPasswordPolicy passwords, TextCatalog texts)
{
    public const string PlatformModule = "Platform";

    /// <summary>The roles a region needs among its active people before staff start: someone to run it, to report, to process.</summary>
    private static readonly (string Key, RegionRole Role)[] PeopleItems =
    [
        ("platform.regionAdmin", RegionRole.RegionAdmin),
        ("platform.supervisor", RegionRole.Supervisor),
        ("platform.professional", RegionRole.Professional),
    ];

    public async Task<GoLiveChecklistDto> BuildAsync(CancellationToken ct)
    {
        var region = scope.RequireRegion();
        var items = new List<GoLiveItem>(await PlatformItemsAsync(region, ct));
        foreach (var source in sources)
        {
            items.AddRange(await source.GoLiveItemsAsync(ct));
        }
        var modules = items
            .GroupBy(i => i.Module, StringComparer.Ordinal)
            .Select(g => Module(region, g.Key, g.ToList()))
            .ToList();
        var info = catalog.Find(region.Code);
        return new GoLiveChecklistDto(region.Code, info?.Name(TextCatalog.CurrentLanguage) ?? region.Code,
            modules.Sum(m => m.Done), modules.Sum(m => m.Total), modules);
    }

    private async Task<IReadOnlyList<GoLiveItem>> PlatformItemsAsync(RegionId region, CancellationToken ct)
    {
        // A region's staff can sign in through its own provider, or with passwords where the deployment allows them.
        var signIn = catalog.FindSignOn(region.Code) is not null || passwords.Mode == LocalPasswordMode.Enabled;
        var counts = await db.RegionRoles.AsNoTracking()
            .Where(r => r.RegionCode == region.Code)
            .Join(db.Users.Where(u => u.DeactivatedAt == null), r => r.UserId, u => u.Id, (r, _) => new { r.Role, r.UserId })
            .Distinct()
            .ToListAsync(ct);
        var items = new List<GoLiveItem> { new(PlatformModule, "platform.signIn", signIn, "") };
        foreach (var (key, role) in PeopleItems)
        {
            var people = counts.Count(c => c.Role == role);
            items.Add(new GoLiveItem(PlatformModule, key, people > 0, "admin/people", people));
        }
        return items;
    }

    private GoLiveModuleDto Module(RegionId region, string module, IReadOnlyList<GoLiveItem> items)
    {
        var shown = items.Select(i => new GoLiveItemDto(i.Key, texts[$"golive.{i.Key}"], texts[$"golive.{i.Key}.help"], i.Done,
            Math.Max(i.Count, 0), Href(region, i.Link))).ToList();
        var nameKey = $"goLivePage.module.{module}";
        var name = texts[nameKey];
        return new GoLiveModuleDto(module, name == nameKey ? module : name, shown.Count(i => i.Done), shown.Count, shown);
    }

    /// <summary>Links are relative to the region's root; one that tries to leave it is not shown.</summary>
    private static string? Href(RegionId region, string link)
    {
        var path = link.Trim().TrimStart('/');
        if (path.Length == 0 || path.Contains("..", StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal)
            || path.Contains('\\', StringComparison.Ordinal) || path.StartsWith('/'))
        {
            return null;
        }
        return $"/{region.Code}/{path}";
    }
}
