using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Competence.Domain;
using Rake.Modules.Competence.Persistence;

namespace Rake.Modules.Competence.Features;

internal sealed record OrientationItemDto(Guid Id, int Position, string Text, bool Structural, bool DoneByMe);

internal sealed record OrientationUnitDto(string Unit, string Name, int People, int Completions, int StructuralCompletions);

internal sealed record OrientationPersonDto(string UserName, string Unit, int Done, int Total);

internal sealed record OrientationDto(IReadOnlyList<OrientationItemDto> Items, IReadOnlyList<OrientationUnitDto> Units, IReadOnlyList<OrientationPersonDto> People);

internal sealed record CompleteRequest(string? Unit);

internal sealed record TrainingDto(Guid Id, string Kind, string Title, string? Url, int? DurationMinutes, DateOnly? On, int Participants, bool JoinedByMe);

internal sealed record TrainingRequest(string? Kind, string? Title, string? Url, int? DurationMinutes, DateOnly? On);

internal sealed record SpecialistDto(Guid Id, string Name, string Unit, int Credits, int? CompletedYear, string Use);

internal sealed record SpecialistRequest(string? Name, string? Unit, int? CompletedYear, string? Use);

internal sealed record NeedDto(Guid Id, int Year, string? Unit, string Text, string RecordedBy);

internal sealed record NeedRequest(int? Year, string? Unit, string? Text);

/// <summary>Orientation checklists with completion per person and unit, training materials and events, specialists and competence needs.</summary>
internal sealed class StaffHandler(CompetenceDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock)
{
    /// <summary>May see everyone's orientation progress and maintain trainings and specialists.</summary>
    public static readonly RegionRole[] LeadRoles = [RegionRole.Planner, RegionRole.RegionAdmin, RegionRole.Supervisor];

    public const int SpecialisationCredits = 70;

    public async Task<OrientationDto> OrientationAsync(CancellationToken ct)
    {
        var items = await db.OrientationItems.AsNoTracking().OrderBy(i => i.Position).ToListAsync(ct);
        var completions = await db.OrientationCompletions.AsNoTracking().ToListAsync(ct);
        var mine = completions.Where(c => c.UserId == actor.UserId).Select(c => c.ItemId).ToHashSet();
        var itemDtos = items.Select(i => new OrientationItemDto(i.Id, i.Position, i.Text, i.Structural, mine.Contains(i.Id))).ToList();
        if (!LeadRoles.Any(actor.IsInRole))
        {
            return new OrientationDto(itemDtos, [], []);
        }
        var structural = items.Where(i => i.Structural).Select(i => i.Id).ToHashSet();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Name).ToListAsync(ct);
        return new OrientationDto(
            itemDtos,
            units.Select(u => new OrientationUnitDto(u.Code, u.Name, completions.Where(c => c.UnitCode == u.Code).Select(c => c.UserId).Distinct().Count(),
                completions.Count(c => c.UnitCode == u.Code), completions.Count(c => c.UnitCode == u.Code && structural.Contains(c.ItemId)))).ToList(),
            completions.GroupBy(c => c.UserId).Select(g => new OrientationPersonDto(g.First().UserName, g.OrderByDescending(c => c.CompletedAt).First().UnitCode, g.Count(), items.Count))
                .OrderBy(p => p.UserName, StringComparer.Ordinal).ToList());
    }

    public async Task CompleteAsync(Guid itemId, CompleteRequest request, CancellationToken ct)
    {
        var userId = actor.UserId ?? throw new ForbiddenException(texts["competence.forbidden.answer"]);
        _ = await db.OrientationItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException(texts["competence.orientation.notFound"]);
        if (string.IsNullOrWhiteSpace(request.Unit) || !await db.Units.AnyAsync(u => u.Code == request.Unit, ct))
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["unit"] = [texts["competence.validation.unit"]] });
        }
        if (await db.OrientationCompletions.AnyAsync(c => c.UserId == userId && c.ItemId == itemId, ct))
        {
            return;
        }
        db.OrientationCompletions.Add(new OrientationCompletion
        {
            Id = Guid.CreateVersion7(),
            ItemId = itemId,
            UserId = userId,
            UserName = actor.UserName ?? "",
            UnitCode = request.Unit,
            CompletedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<TrainingDto>> TrainingsAsync(CancellationToken ct)
    {
        var trainings = await db.Trainings.AsNoTracking().ToListAsync(ct);
        var participations = await db.Participations.AsNoTracking().ToListAsync(ct);
        return trainings.OrderBy(t => t.Kind).ThenBy(t => t.On).ThenBy(t => t.Title, StringComparer.Ordinal)
            .Select(t => new TrainingDto(t.Id, t.Kind.ToString(), t.Title, t.Url, t.DurationMinutes, t.On,
                participations.Count(p => p.TrainingId == t.Id), participations.Any(p => p.TrainingId == t.Id && p.UserId == actor.UserId))).ToList();
    }

    public async Task<TrainingDto> AddTrainingAsync(TrainingRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["competence.forbidden.manage"], LeadRoles);
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<TrainingKind>(request.Kind, out var kind) || !Enum.IsDefined(kind))
        {
            errors["kind"] = [texts["competence.validation.kind"]];
        }
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > Training.TitleMax)
        {
            errors["title"] = [texts.Get("competence.validation.title", Training.TitleMax)];
        }
        if (!string.IsNullOrWhiteSpace(request.Url) && (request.Url.Length > 500 || !Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors["url"] = [texts["competence.validation.url"]];
        }
        if (request.DurationMinutes is < 1 or > 100000)
        {
            errors["durationMinutes"] = [texts["competence.validation.duration"]];
        }
        if (kind == TrainingKind.Event && request.On is null)
        {
            errors["on"] = [texts["competence.validation.date"]];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        var training = new Training
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Title = request.Title!.Trim(),
            Url = string.IsNullOrWhiteSpace(request.Url) ? null : request.Url.Trim(),
            DurationMinutes = request.DurationMinutes,
            On = request.On,
        };
        db.Trainings.Add(training);
        await db.SaveChangesAsync(ct);
        return new TrainingDto(training.Id, kind.ToString(), training.Title, training.Url, training.DurationMinutes, training.On, 0, false);
    }

    /// <summary>Records that the person took part in an event or went through a material; idempotent.</summary>
    public async Task ParticipateAsync(Guid trainingId, CancellationToken ct)
    {
        var userId = actor.UserId ?? throw new ForbiddenException(texts["competence.forbidden.answer"]);
        _ = await db.Trainings.AsNoTracking().FirstOrDefaultAsync(t => t.Id == trainingId, ct) ?? throw new NotFoundException(texts["competence.training.notFound"]);
        if (await db.Participations.AnyAsync(p => p.TrainingId == trainingId && p.UserId == userId, ct))
        {
            return;
        }
        db.Participations.Add(new Participation { TrainingId = trainingId, UserId = userId, UserName = actor.UserName ?? "", At = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<SpecialistDto>> SpecialistsAsync(CancellationToken ct) =>
        await db.Specialists.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new SpecialistDto(s.Id, s.Name, s.UnitCode, s.Credits, s.CompletedYear, s.Use)).ToListAsync(ct);

    public async Task<SpecialistDto> AddSpecialistAsync(SpecialistRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["competence.forbidden.manage"], LeadRoles);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = [texts.Get("competence.validation.title", 200)];
        }
        if (string.IsNullOrWhiteSpace(request.Unit) || !await db.Units.AnyAsync(u => u.Code == request.Unit, ct))
        {
            errors["unit"] = [texts["competence.validation.unit"]];
        }
        if (request.CompletedYear is < 1990 or > 2100)
        {
            errors["completedYear"] = [texts["competence.validation.year"]];
        }
        if (request.Use?.Length > 2000)
        {
            errors["use"] = [texts.Get("competence.validation.title", 2000)];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        var specialist = new Specialist
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name!.Trim(),
            UnitCode = request.Unit!,
            Credits = SpecialisationCredits,
            CompletedYear = request.CompletedYear,
            Use = request.Use?.Trim() ?? "",
        };
        db.Specialists.Add(specialist);
        await db.SaveChangesAsync(ct);
        return new SpecialistDto(specialist.Id, specialist.Name, specialist.UnitCode, specialist.Credits, specialist.CompletedYear, specialist.Use);
    }

    public async Task<IReadOnlyList<NeedDto>> NeedsAsync(int? year, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["competence.forbidden.manage"], LeadRoles);
        var wanted = year ?? Helsinki.Today(clock).Year;
        return await db.Needs.AsNoTracking().Where(n => n.Year == wanted).OrderBy(n => n.RecordedAt)
            .Select(n => new NeedDto(n.Id, n.Year, n.UnitCode, n.Text, n.RecordedBy)).ToListAsync(ct);
    }

    /// <summary>Anyone in the region may bring up a competence need for the competence development plan.</summary>
    public async Task<NeedDto> AddNeedAsync(NeedRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var year = request.Year ?? Helsinki.Today(clock).Year;
        if (year is < 2000 or > 2100)
        {
            errors["year"] = [texts["competence.validation.year"]];
        }
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 2000)
        {
            errors["text"] = [texts.Get("competence.validation.title", 2000)];
        }
        if (!string.IsNullOrWhiteSpace(request.Unit) && !await db.Units.AnyAsync(u => u.Code == request.Unit, ct))
        {
            errors["unit"] = [texts["competence.validation.unit"]];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        var need = new CompetenceNeed
        {
            Id = Guid.CreateVersion7(),
            Year = year,
            UnitCode = string.IsNullOrWhiteSpace(request.Unit) ? null : request.Unit,
            Text = request.Text!.Trim(),
            RecordedBy = actor.UserName ?? "system",
            RecordedAt = clock.GetUtcNow(),
        };
        db.Needs.Add(need);
        await db.SaveChangesAsync(ct);
        return new NeedDto(need.Id, need.Year, need.UnitCode, need.Text, need.RecordedBy);
    }
}
