using FluentValidation;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;

namespace Rake.Host.Platform.People;

/// <summary>Only the region's administrators manage its people (docs/adr/0099).</summary>
internal static class PeopleRoles
{
    public static readonly RegionRoleRequirement Admin = new("people.forbidden", [RegionRole.RegionAdmin]);
}

/// <summary>The column a people list is ordered by (query parameter <c>sort</c>); the name unless one is named.</summary>
internal enum PeopleSort
{
    Name,
    UserName,
    Email,
}

internal sealed record PeopleQuery(
    string? Search, string? Role, int? Page, int? PageSize, string? Sort = null, bool? Descending = null);

internal sealed record RoleRequest(string? Role);

internal sealed record RoleRoute(Guid UserId, string Role);

internal sealed record HandOverRequest(Guid? ToUserId, IReadOnlyList<string>? ItemIds);

internal sealed record PersonSummaryDto(
    Guid Id, string UserName, string DisplayName, string? Email, bool Active, IReadOnlyList<RegionRole> Roles);

internal sealed record PersonHistoryDto(DateTimeOffset At, string Actor, string Action, string Detail);

internal sealed record PersonDto(
    Guid Id, string UserName, string DisplayName, string? Email, bool Active, DateTimeOffset? DeactivatedAt,
    IReadOnlyList<RegionRole> Roles, IReadOnlyList<PersonHistoryDto> History, IReadOnlyList<OpenItem> OpenItems);

/// <summary>What a deactivation did: the roles removed here, and whether the account itself went out of use (it stays in use
/// while the person holds a role in another region).</summary>
internal sealed record DeactivationDto(IReadOnlyList<RegionRole> RemovedRoles, bool AccountDeactivated);

internal sealed record HandOverDto(Guid ToUserId, IReadOnlyList<OpenItem> HandedOver);

internal sealed class PeopleQueryValidator : RequestValidator<PeopleQuery>
{
    public PeopleQueryValidator(TextCatalog texts) : base(texts)
    {
        OptionalText(q => q.Search, 200);
        EnumName<RegionRole>(q => q.Role, required: false);
        EnumName<PeopleSort>(q => q.Sort, required: false);
        Paging(q => q.Page, q => q.PageSize);
    }
}

internal sealed class RoleRequestValidator : RequestValidator<RoleRequest>
{
    public RoleRequestValidator(TextCatalog texts) : base(texts) => EnumName<RegionRole>(r => r.Role);
}

internal sealed class RoleRouteValidator : RequestValidator<RoleRoute>
{
    public RoleRouteValidator(TextCatalog texts) : base(texts) => EnumName<RegionRole>(r => r.Role);
}

internal sealed class HandOverRequestValidator : RequestValidator<HandOverRequest>
{
    public HandOverRequestValidator(TextCatalog texts) : base(texts)
    {
        RuleFor(r => r.ToUserId).Must(id => id is { } value && value != Guid.Empty).WithMessage(_ => Texts["validation.required"]);
        RuleFor(r => r.ItemIds).Must(ids => ids is null || ids.Count <= 500)
            .WithMessage(_ => Texts.Get("validation.range", 0, 500));
        RuleForEach(r => r.ItemIds).Must(id => !string.IsNullOrWhiteSpace(id) && id.Length <= 200)
            .WithMessage(_ => Texts["validation.required"]);
    }
}
