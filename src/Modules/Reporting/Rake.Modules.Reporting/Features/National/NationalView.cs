using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Features.National;

internal sealed record RegionCountDto(string Region, int Count);

internal sealed record NationalCategoryDto(string Category, IReadOnlyList<RegionCountDto> Counts);

internal sealed record NationalTypeDto(string PhenomenonType, IReadOnlyList<RegionCountDto> Counts);

internal sealed record NationalCountsDto(int Year, IReadOnlyList<RegionCountDto> Totals, IReadOnlyList<NationalTypeDto> ByType,
    IReadOnlyList<NationalCategoryDto> ByCategory);

internal static class NationalEndpoints
{
    public static void Map(IEndpointRouteBuilder platformApi) =>
        platformApi.MapGet("/phenomenon-counts",
            (int? year, ClaimsPrincipal user, NationalViewHandler handler, CancellationToken ct) => handler.CountsAsync(user, year, ct))
            .WithTags("National view")
                .WithSummary("For the NationalObserver platform role: report counts of a calendar year per region, by phenomenon " +
                "type and category code. Counts only, no text.");
}

/// <summary>
/// The one deliberate place where Reporting reads across regions (ADR 0051): it ignores the region query filter, and it
/// returns numbers only, so no report's text leaves its region. Category codes are compared as the regions named them.
/// </summary>
internal sealed class NationalViewHandler(ReportingDbContext db, TextCatalog texts, TimeProvider clock)
{
    public async Task<NationalCountsDto> CountsAsync(ClaimsPrincipal user, int? year, CancellationToken ct)
    {
        if (!user.HasClaim(PlatformRoles.ClaimType, PlatformRoles.NationalObserver))
        {
            throw new ForbiddenException(texts["reporting.national.forbidden"]);
        }
        var thisYear = Helsinki.Today(clock).Year;
        var y = year ?? thisYear;
        if (y < 2000 || y > thisYear)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["year"] = [texts.Get("validation.range", 2000, thisYear)] });
        }
        var from = Helsinki.StartOf(new DateOnly(y, 1, 1));
        var until = Helsinki.StartOf(new DateOnly(y + 1, 1, 1));
        // Deliberately across regions: counts grouped by region, nothing else selected.
        var reports = db.Reports.IgnoreQueryFilters().AsNoTracking().Where(r => r.ReceivedAt >= from && r.ReceivedAt < until);
        var totals = await reports.GroupBy(r => r.RegionCode).Select(g => new RegionCountDto(g.Key, g.Count())).ToListAsync(ct);
        var byType = await reports.GroupBy(r => new { r.RegionCode, r.PhenomenonType })
            .Select(g => new { g.Key.RegionCode, g.Key.PhenomenonType, Count = g.Count() }).ToListAsync(ct);
        var byCategory = await reports.SelectMany(r => r.Categories).GroupBy(c => new { c.RegionCode, c.Code })
            .Select(g => new { g.Key.RegionCode, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        var regions = totals.Select(t => t.Region).Order(StringComparer.Ordinal).ToList();
        return new NationalCountsDto(
            y,
            totals.OrderBy(t => t.Region, StringComparer.Ordinal).ToList(),
            Enum.GetValues<Domain.PhenomenonType>().Select(t => new NationalTypeDto(t.ToString(),
                regions.Select(r =>
                    new RegionCountDto(r, byType.Where(x => x.RegionCode == r && x.PhenomenonType == t).Sum(x => x.Count)))
                    .ToList())).ToList(),
            byCategory.Select(c => c.Code).Distinct().Order(StringComparer.Ordinal).Select(code => new NationalCategoryDto(code,
                regions.Select(r =>
                    new RegionCountDto(r, byCategory.Where(x => x.RegionCode == r && x.Code == code).Sum(x => x.Count))).ToList()))
                    .ToList());
    }
}
