using FluentValidation;

namespace Rake.Modules.Reporting.Features.MunicipalPacks;

internal sealed record PackCountDto(string Key, string Name, int Count, int Previous);

/// <summary>A register phenomenon with reports from the municipality in the period; its trend is the region's.</summary>
internal sealed record PackPhenomenonDto(Guid Id, string Title, int Count, string Trend, bool RecurringHere);

/// <summary>A decision on the municipality's reports, or a follow-up it set going or its end, once however many reports it
/// concerned. <see cref="Kind"/> and <see cref="Code"/> as on the report's timeline.</summary>
internal sealed record PackActionDto(DateTimeOffset At, string Kind, string? Code, string Actor, string Text, int Reports);

internal sealed record PackProposalDto(Guid Id, string Title, string? Description, string Status, DateTimeOffset CreatedAt);

internal sealed record PackResponseDto(Guid Id, DateOnly HandledOn, string Text, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// The municipality pack of one period for the municipal wellbeing group (HYTETU): counts, phenomenon titles, the decisions and
/// proposals that concern the municipality and what the group recorded it did with them. No report text (docs/adr/0171).
/// </summary>
internal sealed record MunicipalPackDto(
    string PeriodId, DateOnly From, DateOnly To, string PreviousPeriodId, string Municipality, string MunicipalityName,
    string RegionName, int Total, int PreviousTotal, IReadOnlyList<PackCountDto> ByServiceArea, IReadOnlyList<PackCountDto> ByCategory,
    IReadOnlyList<PackPhenomenonDto> Phenomena, IReadOnlyList<PackActionDto> Decisions, IReadOnlyList<PackProposalDto> Proposals,
    IReadOnlyList<PackResponseDto> Responses, bool CanRespond, DateOnly ComputedOn);

internal sealed record PackListItemDto(string Municipality, string Name, int Total, int Responses);

internal sealed record PackListDto(string PeriodId, DateOnly From, DateOnly To, IReadOnlyList<PackListItemDto> Municipalities);

/// <summary>What the municipal group did with the pack, and on which day.</summary>
internal sealed record MunicipalResponseRequest([ScreenedText] string? Text, DateOnly? HandledOn);

internal static class MunicipalPackEndpoints
{
    public const string Tag = "Municipality packs";

    public static void Map(IEndpointRouteBuilder api)
    {
        const string one = "/briefs/municipality/{periodId}/{municipality}";
        api.MapGet("/briefs/municipality/{periodId}", (string periodId, MunicipalPackHandler h, CancellationToken ct) =>
                h.ListAsync(periodId, ct))
            .RequireRegionRoles(MunicipalPackRules.Anyone)
            .WithTags(Tag).WithSummary("The municipalities whose pack of the period the caller may read: all of them for the working "
                + "and steering groups, the responsible person and admins; a nominated HYTETU member's own.");
        api.MapGet(one, (string periodId, string municipality, MunicipalPackHandler h, CancellationToken ct) =>
                h.GetAsync(periodId, municipality, ct))
            .RequireRegionRoles(MunicipalPackRules.Anyone)
            .WithTags(Tag).WithSummary("A municipality's pack of the period: report counts by service area and topic, the phenomena, the "
                + "decisions and proposals that concern it, and what its wellbeing group did with them.");
        api.MapPost($"{one}/responses", async (string region, string periodId, string municipality, MunicipalResponseRequest request,
                MunicipalPackHandler h, CancellationToken ct) =>
            {
                var created = await h.RespondAsync(periodId, municipality, request, ct);
                return Results.Created($"/api/v1/regions/{region}/briefs/municipality/{periodId}/{municipality}", created);
            })
            .RequireRegionRoles(MunicipalPackRules.Anyone)
            .WithTags(Tag).WithSummary("Record what the municipal wellbeing group did with the pack (its nominated member or deputy, the "
                + "responsible person or a working-group member).");
    }
}

internal sealed class MunicipalResponseValidator : RequestValidator<MunicipalResponseRequest>
{
    public MunicipalResponseValidator(TextCatalog texts, TimeProvider clock) : base(texts)
    {
        RequiredText(r => r.Text, MunicipalResponse.TextMax);
        Required(r => r.HandledOn);
        RuleFor(r => r.HandledOn).Must(day => day is null || day <= Helsinki.Today(clock))
            .WithMessage(_ => Texts["pack.validation.notInFuture"]);
    }
}

/// <summary>
/// Who sees which pack. The endpoint lets in anyone with a role in the region; which municipality is theirs depends on the
/// nominations the working group keeps, so the handler decides that, as <see cref="ReportRules"/> decides a report's readers.
/// </summary>
internal static class MunicipalPackRules
{
    public static readonly RegionRoleRequirement Anyone = new("reporting.pack.forbidden", Enum.GetValues<RegionRole>());

    /// <summary>The bodies that prepare and decide, and the admins, read every municipality's pack.</summary>
    public static readonly RegionRole[] EveryMunicipality =
        [RegionRole.WorkingGroupMember, RegionRole.SteeringGroupMember, RegionRole.ResponsiblePerson, RegionRole.RegionAdmin];

    /// <summary>Besides the nominated member and deputy, those who may write down what a group reported to them.</summary>
    public static readonly RegionRole[] RecordForAny = [RegionRole.ResponsiblePerson, RegionRole.WorkingGroupMember];
}
