using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features.Nominations;

/// <param name="MemberUserName">The member's Rake account, if they have one in the region: it opens their municipality's pack.</param>
internal sealed record NominateRequest(
    string? Municipality, [ScreenedText] string? GroupName, string? MemberName, string? DeputyName, string? DecidedBy, DateOnly? DecidedOn,
    string? MemberUserName = null, string? DeputyUserName = null);

internal static class NominationEndpoints
{
    public const string Tag = "Working group: nominations and budget";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/wellbeing-group-nominations", (NominationsHandler h, CancellationToken ct) => h.ListAsync(ct))
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(Tag).WithSummary("HYTETU nominations per municipality, with the yearly review date.");
        api.MapPost("/wellbeing-group-nominations", async (NominateRequest request, NominateHandler h, CancellationToken ct) =>
                Results.Created("wellbeing-group-nominations", await h.HandleAsync(request, ct)))
            .RequireRegionRoles(WgRoles.NominationsRequirement)
            .WithTags(Tag)
            .WithSummary("Record a nomination decided by the service-area manager (Supervisor, ResponsiblePerson, RegionAdmin).");
    }
}

internal sealed class NominateValidator : WgValidator<NominateRequest>
{
    public NominateValidator(TextCatalog texts, TimeProvider clock, WgLookup lookup) : base(texts)
    {
        RegionAccount(r => r.MemberUserName, lookup);
        RegionAccount(r => r.DeputyUserName, lookup);
        RequiredText(r => r.Municipality, Limits.Name);
        RequiredText(r => r.GroupName, Limits.Name);
        RequiredText(r => r.MemberName, Limits.Name);
        OptionalText(r => r.DeputyName, Limits.Name);
        RequiredText(r => r.DecidedBy, Limits.Name);
        Required(r => r.DecidedOn);
        RuleFor(r => r.DecidedOn).Must(day => day is null || day <= Helsinki.Today(clock))
            .WithMessage(_ => Texts["wg.validation.notInFuture"]);
        RuleFor(r => r.DeputyName)
            .Must((r, deputy) => Clean(r.MemberName) is not { } member || Clean(deputy) is not { } name
                || !string.Equals(member, name, StringComparison.CurrentCultureIgnoreCase))
            .WithMessage(_ => Texts["wg.validation.deputySame"]);
    }
}

/// <summary>HYTETU nominations, reviewed yearly.</summary>
internal sealed class NominationsHandler(WorkingGroupDbContext db, ModuleMapper<WorkingGroupModule> mapper, TimeProvider clock)
{
    public async Task<IReadOnlyList<NominationDto>> ListAsync(CancellationToken ct)
    {
        var today = Helsinki.Today(clock);
        var rows = await db.Nominations.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(n => n.Municipality, StringComparer.CurrentCulture)
            .Select(n => mapper.Map<NominationDto>(new OnDay<WellbeingGroupNomination>(n, today))).ToList();
    }
}

internal sealed class NominateHandler(
    WorkingGroupDbContext db, ModuleMapper<WorkingGroupModule> mapper, TimeProvider clock, WgLookup lookup)
{
    public async Task<NominationDto> HandleAsync(NominateRequest request, CancellationToken ct)
    {
        var member = await lookup.RegionUserAsync(request.MemberUserName, ct);
        var deputy = await lookup.RegionUserAsync(request.DeputyUserName, ct);
        var nomination = new WellbeingGroupNomination
        {
            Id = Guid.CreateVersion7(),
            Municipality = request.Municipality!.Trim(),
            GroupName = request.GroupName!.Trim(),
            MemberName = request.MemberName!.Trim(),
            DeputyName = WgValidator<NominateRequest>.Clean(request.DeputyName),
            DecidedBy = request.DecidedBy!.Trim(),
            DecidedOn = request.DecidedOn!.Value,
            MemberUserId = member?.Id,
            DeputyUserId = deputy?.Id,
            ReviewDue = request.DecidedOn.Value.AddYears(1),
        };
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync(ct);
        return mapper.Map<NominationDto>(new OnDay<WellbeingGroupNomination>(nomination, Helsinki.Today(clock)));
    }
}
