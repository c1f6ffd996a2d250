using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Competence.Domain;
using Rake.Modules.Competence.Persistence;

namespace Rake.Modules.Competence.Features;

internal sealed record UnitDto(string Code, string Name);

internal sealed record AreaDto(string Code, string Name);

internal sealed record SurveyDto(Guid Id, string Title, int Round, int ScaleMax, string Status, DateTimeOffset OpenedAt, bool AnsweredByMe, IReadOnlyList<AreaDto> Areas);

internal sealed record LaunchRequest(string? Title, int? ScaleMax, IReadOnlyList<AreaDto>? Areas);

internal sealed record AnswerRequest(string? Unit, IReadOnlyDictionary<string, int>? Values);

/// <summary>An area's mean in each round and the change; null means hidden (fewer respondents than the threshold).</summary>
internal sealed record AreaComparison(string Code, string Name, double? Before, double? After, double? Change);

/// <summary>A unit's comparison; <see cref="Hidden"/> when either round has fewer respondents than the minimum group size.</summary>
internal sealed record UnitComparison(string Code, string Name, int? RespondentsBefore, int? RespondentsAfter, bool Hidden, IReadOnlyList<AreaComparison> Areas);

internal sealed record ComparisonDto(SurveyDto Before, SurveyDto After, int MinimumGroupSize, IReadOnlyList<UnitComparison> Units);

/// <summary>
/// Competence surveys. Answers are anonymous by construction: each answer is added to a per-unit, per-area running
/// total with an atomic UPDATE that leaves no row or audit entry of its own; the only per-person row is "has answered".
/// Aggregates of a unit with fewer than <c>Competence:MinimumGroupSize</c> (default 5) respondents are never shown.
/// </summary>
internal sealed class SurveyHandler(CompetenceDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, IConfiguration configuration)
{
    public static readonly RegionRole[] ManageRoles = [RegionRole.Planner, RegionRole.RegionAdmin];

    public int MinimumGroupSize => Math.Max(2, configuration.GetValue<int?>("Competence:MinimumGroupSize") ?? 5);

    public async Task<IReadOnlyList<UnitDto>> UnitsAsync(CancellationToken ct) =>
        await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new UnitDto(u.Code, u.Name)).ToListAsync(ct);

    public async Task<IReadOnlyList<SurveyDto>> SurveysAsync(CancellationToken ct)
    {
        var surveys = await db.Surveys.AsNoTracking().OrderByDescending(s => s.Round).ToListAsync(ct);
        var result = new List<SurveyDto>();
        foreach (var survey in surveys)
        {
            result.Add(await ToDtoAsync(survey, ct));
        }
        return result;
    }

    public async Task<SurveyDto> SurveyAsync(Guid id, CancellationToken ct) =>
        await ToDtoAsync(await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException(texts["competence.survey.notFound"]), ct);

    public async Task<SurveyDto> LaunchAsync(LaunchRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["competence.forbidden.manage"], ManageRoles);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Trim().Length > Survey.TitleMax)
        {
            errors["title"] = [texts.Get("competence.validation.title", Survey.TitleMax)];
        }
        if (request.ScaleMax is { } scale && scale is < 2 or > 10)
        {
            errors["scaleMax"] = [texts["competence.validation.scale"]];
        }
        var areas = request.Areas ?? [];
        if (areas.Count is 0 or > 40 || areas.Any(a => string.IsNullOrWhiteSpace(a.Code) || a.Code.Length > 40 || string.IsNullOrWhiteSpace(a.Name) || a.Name.Length > SurveyArea.NameMax)
            || areas.Select(a => a.Code).Distinct().Count() != areas.Count)
        {
            errors["areas"] = [texts["competence.validation.areas"]];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        return await CreateAsync(request.Title!.Trim(), request.ScaleMax ?? 5, areas, null, ct);
    }

    /// <summary>Opens the next round with the areas of the latest survey (for the LaunchSurvey activity); once per source key.</summary>
    public async Task<SurveyDto?> LaunchNextRoundAsync(string title, string? sourceKey, CancellationToken ct)
    {
        if (sourceKey is not null && await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.SourceKey == sourceKey, ct) is { } existing)
        {
            return await ToDtoAsync(existing, ct);
        }
        var latest = await db.Surveys.AsNoTracking().OrderByDescending(s => s.Round).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return null;
        }
        var areas = await db.Areas.AsNoTracking().Where(a => a.SurveyId == latest.Id).OrderBy(a => a.Position).Select(a => new AreaDto(a.Code, a.Name)).ToListAsync(ct);
        return await CreateAsync(title, latest.ScaleMax, areas, sourceKey, ct);
    }

    private async Task<SurveyDto> CreateAsync(string title, int scaleMax, IReadOnlyList<AreaDto> areas, string? sourceKey, CancellationToken ct)
    {
        var round = (await db.Surveys.MaxAsync(s => (int?)s.Round, ct) ?? 0) + 1;
        var survey = new Survey
        {
            Id = Guid.CreateVersion7(),
            Title = title,
            Round = round,
            ScaleMax = scaleMax,
            Status = SurveyStatus.Open,
            OpenedAt = clock.GetUtcNow(),
            SourceKey = sourceKey,
        };
        db.Surveys.Add(survey);
        var position = 0;
        foreach (var area in areas)
        {
            db.Areas.Add(new SurveyArea { Id = Guid.CreateVersion7(), SurveyId = survey.Id, Position = ++position, Code = area.Code.Trim(), Name = area.Name.Trim() });
        }
        // Every unit × area total exists from the start, so an answer only ever increments existing rows.
        foreach (var unit in await db.Units.AsNoTracking().Select(u => u.Code).ToListAsync(ct))
        {
            foreach (var area in areas)
            {
                db.Tallies.Add(new SurveyTally { SurveyId = survey.Id, UnitCode = unit, AreaCode = area.Code.Trim() });
            }
        }
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(survey, ct);
    }

    public async Task<SurveyDto> CloseAsync(Guid id, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["competence.forbidden.manage"], ManageRoles);
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException(texts["competence.survey.notFound"]);
        survey.Status = SurveyStatus.Closed;
        survey.ClosedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(survey, ct);
    }

    public async Task AnswerAsync(Guid id, AnswerRequest request, CancellationToken ct)
    {
        var userId = actor.UserId ?? throw new ForbiddenException(texts["competence.forbidden.answer"]);
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException(texts["competence.survey.notFound"]);
        if (survey.Status != SurveyStatus.Open)
        {
            throw new ConflictException(texts["competence.survey.closed"]);
        }
        var areas = await db.Areas.AsNoTracking().Where(a => a.SurveyId == id).Select(a => a.Code).ToListAsync(ct);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Unit) || !await db.Units.AnyAsync(u => u.Code == request.Unit, ct))
        {
            errors["unit"] = [texts["competence.validation.unit"]];
        }
        var values = request.Values ?? new Dictionary<string, int>();
        foreach (var area in areas)
        {
            if (!values.TryGetValue(area, out var value) || value < 1 || value > survey.ScaleMax)
            {
                errors[$"area-{area}"] = [texts.Get("competence.validation.value", survey.ScaleMax)];
            }
        }
        if (values.Keys.Any(k => !areas.Contains(k)))
        {
            errors["values"] = [texts["competence.validation.unknownArea"]];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        if (await db.Respondents.AnyAsync(r => r.SurveyId == id && r.UserId == userId, ct))
        {
            throw new ConflictException(texts["competence.survey.alreadyAnswered"]);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Respondents.Add(new SurveyRespondent { SurveyId = id, UserId = userId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException(texts["competence.survey.alreadyAnswered"]);
        }
        var unit = request.Unit!;
        foreach (var area in areas)
        {
            var value = values[area];
            var updated = await db.Tallies.Where(t => t.SurveyId == id && t.UnitCode == unit && t.AreaCode == area)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Count, t => t.Count + 1).SetProperty(t => t.Sum, t => t.Sum + value), ct);
            if (updated != 1)
            {
                throw new ConflictException(texts["competence.validation.unit"]);
            }
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Per unit and area, the mean of round <paramref name="beforeId"/> and <paramref name="afterId"/> and the change; small groups hidden.</summary>
    public async Task<ComparisonDto> CompareAsync(Guid beforeId, Guid afterId, CancellationToken ct)
    {
        var before = await SurveyAsync(beforeId, ct);
        var after = await SurveyAsync(afterId, ct);
        var units = await UnitsAsync(ct);
        var tallies = await db.Tallies.AsNoTracking().Where(t => t.SurveyId == beforeId || t.SurveyId == afterId).ToListAsync(ct);
        var minimum = MinimumGroupSize;
        var areas = after.Areas.Where(a => before.Areas.Any(b => b.Code == a.Code)).ToList();
        int Respondents(Guid survey, Func<SurveyTally, bool> unit) =>
            tallies.Where(t => t.SurveyId == survey && unit(t)).GroupBy(t => t.UnitCode).Sum(g => g.Max(t => t.Count));
        UnitComparison Compare(string code, string name, Func<SurveyTally, bool> unit)
        {
            var nBefore = Respondents(beforeId, unit);
            var nAfter = Respondents(afterId, unit);
            var hidden = nBefore < minimum || nAfter < minimum;
            if (hidden)
            {
                return new UnitComparison(code, name, null, null, true, []);
            }
            double? Mean(Guid survey, string area)
            {
                var rows = tallies.Where(t => t.SurveyId == survey && t.AreaCode == area && unit(t)).ToList();
                var count = rows.Sum(r => r.Count);
                return count == 0 ? null : Math.Round((double)rows.Sum(r => r.Sum) / count, 2);
            }
            return new UnitComparison(code, name, nBefore, nAfter, false, areas.Select(a =>
            {
                var b = Mean(beforeId, a.Code);
                var c = Mean(afterId, a.Code);
                return new AreaComparison(a.Code, a.Name, b, c, b is null || c is null ? null : Math.Round(c.Value - b.Value, 2));
            }).ToList());
        }
        var perUnit = units.Select(u => Compare(u.Code, u.Name, t => t.UnitCode == u.Code)).ToList();
        // The total covers only the units that are shown: otherwise a hidden unit's figures would be the total minus the others.
        var shown = perUnit.Where(u => !u.Hidden).Select(u => u.Code).ToHashSet();
        var result = new List<UnitComparison> { Compare("*", texts["competence.allUnits"], t => shown.Contains(t.UnitCode)) };
        result.AddRange(perUnit);
        return new ComparisonDto(before, after, minimum, result);
    }

    private async Task<SurveyDto> ToDtoAsync(Survey survey, CancellationToken ct)
    {
        var areas = await db.Areas.AsNoTracking().Where(a => a.SurveyId == survey.Id).OrderBy(a => a.Position).Select(a => new AreaDto(a.Code, a.Name)).ToListAsync(ct);
        var answered = actor.UserId is { } user && await db.Respondents.AnyAsync(r => r.SurveyId == survey.Id && r.UserId == user, ct);
        return new SurveyDto(survey.Id, survey.Title, survey.Round, survey.ScaleMax, survey.Status.ToString(), survey.OpenedAt, answered, areas);
    }
}
