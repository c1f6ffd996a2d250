using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features.RenewNomination;

/// <summary>The yearly review's decision: the same or new member and deputy, decided on a day, due again a year later.</summary>
/// <param name="MemberUserName">The member's Rake account, as on a new nomination: it opens the municipality pack. Left empty,
/// the same member keeps the account linked before and a new member has none (docs/adr/0182).</param>
internal sealed record RenewNominationRequest(
    string? MemberName, string? DeputyName, string? DecidedBy, DateOnly? DecidedOn,
    string? MemberUserName = null, string? DeputyUserName = null);

/// <summary>A nomination with the accounts it links now, for the renewal form.</summary>
internal sealed record NominationAccountsDto(NominationDto Nomination, string? MemberUserName, string? DeputyUserName);

internal static class RenewNominationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/wellbeing-group-nominations/{id:guid}", (Guid id, RenewNominationHandler h, CancellationToken ct) =>
                h.NominationAsync(id, ct))
            .RequireRegionRoles(WgRoles.ReadRequirement)
            .WithTags(NominationEndpoints.Tag).WithSummary("One HYTETU nomination with its review date.");
        api.MapPut("/wellbeing-group-nominations/{id:guid}/renewal", (Guid id, RenewNominationRequest request, RenewNominationHandler h,
                CancellationToken ct) => h.RenewAsync(id, request, ct))
            .RequireRegionRoles(WgRoles.NominationsRequirement)
            .WithTags(NominationEndpoints.Tag)
            .WithSummary("Renew a nomination at its yearly review: member, deputy and the new decision; the next review is a year on.");
    }
}

internal sealed class RenewNominationValidator : WgValidator<RenewNominationRequest>
{
    public RenewNominationValidator(TextCatalog texts, TimeProvider clock, WgLookup lookup) : base(texts)
    {
        RegionAccount(r => r.MemberUserName, lookup);
        RegionAccount(r => r.DeputyUserName, lookup);
        RuleFor(r => r.DeputyUserName).Must((r, account) => string.IsNullOrWhiteSpace(account) || Clean(r.DeputyName) is not null)
            .WithMessage(_ => Texts["wg.validation.accountWithoutName"]);
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

internal sealed class RenewNominationHandler(
    WorkingGroupDbContext db, ModuleMapper<WorkingGroupModule> mapper, TextCatalog texts, TimeProvider clock, WgLookup lookup,
    IUserDirectory users)
{
    public async Task<NominationDto> NominationAsync(Guid id, CancellationToken ct) =>
        Dto(await FindAsync(id, ct, tracked: false));

    /// <summary>The nomination and the user names of the accounts it links, which the renewal form shows.</summary>
    public async Task<NominationAccountsDto> WithAccountsAsync(Guid id, CancellationToken ct)
    {
        var nomination = await FindAsync(id, ct, tracked: false);
        async Task<string?> NameOf(Guid? userId) => userId is { } known ? (await users.FindByIdAsync(known, ct))?.UserName : null;
        return new NominationAccountsDto(Dto(nomination), await NameOf(nomination.MemberUserId), await NameOf(nomination.DeputyUserId));
    }

    public async Task<NominationDto> RenewAsync(Guid id, RenewNominationRequest request, CancellationToken ct)
    {
        var nomination = await FindAsync(id, ct, tracked: true);
        // A renewal follows the decision it renews; an earlier day would move the review backwards.
        if (request.DecidedOn!.Value < nomination.DecidedOn)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["decidedOn"] = [texts.Get("wg.validation.renewalBefore", nomination.DecidedOn.ToString("d.M.yyyy"))],
            });
        }
        var member = request.MemberName!.Trim();
        var deputy = WgValidator<RenewNominationRequest>.Clean(request.DeputyName);
        // An account named in the renewal is linked (the validator found it in the region). Without one, a new person does not
        // inherit the previous one's account, which opens the municipality pack (docs/adr/0171, 0182).
        var memberAccount = await lookup.RegionUserAsync(request.MemberUserName, ct);
        var deputyAccount = await lookup.RegionUserAsync(request.DeputyUserName, ct);
        if (memberAccount is not null)
        {
            nomination.MemberUserId = memberAccount.Id;
        }
        else if (!string.Equals(member, nomination.MemberName, StringComparison.CurrentCultureIgnoreCase))
        {
            nomination.MemberUserId = null;
        }
        if (deputyAccount is not null)
        {
            nomination.DeputyUserId = deputyAccount.Id;
        }
        else if (deputy is null || !string.Equals(deputy, nomination.DeputyName, StringComparison.CurrentCultureIgnoreCase))
        {
            nomination.DeputyUserId = null;
        }
        nomination.MemberName = member;
        nomination.DeputyName = deputy;
        nomination.DecidedBy = request.DecidedBy!.Trim();
        nomination.DecidedOn = request.DecidedOn.Value;
        nomination.ReviewDue = request.DecidedOn.Value.AddYears(1);
        await db.SaveChangesAsync(ct);
        return Dto(nomination);
    }

    private NominationDto Dto(WellbeingGroupNomination nomination) =>
        mapper.Map<NominationDto>(new OnDay<WellbeingGroupNomination>(nomination, Helsinki.Today(clock)));

    private async Task<WellbeingGroupNomination> FindAsync(Guid id, CancellationToken ct, bool tracked)
    {
        var query = tracked ? db.Nominations : db.Nominations.AsNoTracking();
        return await query.FirstOrDefaultAsync(n => n.Id == id, ct) ?? throw new NotFoundException(texts["wg.notFound.nomination"]);
    }
}
