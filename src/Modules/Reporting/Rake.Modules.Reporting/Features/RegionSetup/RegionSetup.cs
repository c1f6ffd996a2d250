using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Reporting.Domain;
using Rake.Modules.Reporting.Features.SubmitReport;
using Rake.Modules.Reporting.Persistence;

namespace Rake.Modules.Reporting.Features.RegionSetup;

internal sealed record TermDto(Guid Id, string Kind, string Code, string Name, string NameFi, string NameSv, string NameEn, bool Active);

internal sealed record CategoryDto(string Code, string Name);

internal sealed record SupervisorDto(Guid Id, string UserName, string DisplayName, string ServiceArea, bool Active);

internal sealed record TermRequest(string? Kind, string? Code, string? NameFi, string? NameSv, string? NameEn, bool Active = true);

internal sealed record SupervisorRequest(string? UserName, string? ServiceArea);

/// <summary>Everything the submission form offers, in the caller's language.</summary>
internal sealed record FormOptionsDto(
    IReadOnlyList<CategoryDto> Categories, IReadOnlyList<CategoryDto> ServiceAreas, IReadOnlyList<CategoryDto> Municipalities,
    IReadOnlyList<CategoryDto> TargetGroups, IReadOnlyList<SupervisorDto> Supervisors);

internal static class RegionSetupEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/categories", (RegionSetupHandler h, CancellationToken ct) => h.CategoriesAsync(ct))
            .WithTags("Region setup").WithSummary("The region's report categories (its own taxonomy).");
        api.MapGet("/social-report-form", (RegionSetupHandler h, CancellationToken ct) => h.FormOptionsAsync(ct))
            .WithTags("Region setup").WithSummary("Categories, service areas, municipalities, target groups and supervisors for the submission form.");
        api.MapGet("/taxonomy", (RegionSetupHandler h, CancellationToken ct) => h.TermsAsync(ct))
            .WithTags("Region setup").WithSummary("All taxonomy terms, inactive ones included (RegionAdmin).");
        api.MapPost("/taxonomy", async (string region, TermRequest request, RegionSetupHandler h, CancellationToken ct) =>
            {
                var term = await h.AddTermAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/taxonomy/{term.Id}", term);
            })
            .WithTags("Region setup").WithSummary("Add a category, service area, municipality or target group (RegionAdmin).");
        api.MapPut("/taxonomy/{id:guid}", (Guid id, TermRequest request, RegionSetupHandler h, CancellationToken ct) => h.UpdateTermAsync(id, request, ct))
            .WithTags("Region setup").WithSummary("Rename or deactivate a term; its code stays, so old reports keep their meaning (RegionAdmin).");
        api.MapGet("/supervisors", (RegionSetupHandler h, CancellationToken ct) => h.SupervisorsAsync(ct))
            .WithTags("Region setup").WithSummary("Supervisors reporters may send reports to.");
        api.MapPost("/supervisors", async (string region, SupervisorRequest request, RegionSetupHandler h, CancellationToken ct) =>
            {
                var supervisor = await h.AddSupervisorAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/supervisors/{supervisor.Id}", supervisor);
            })
            .WithTags("Region setup").WithSummary("Add a person with the Supervisor role to the supervisor list (RegionAdmin).");
        api.MapDelete("/supervisors/{id:guid}", async (Guid id, RegionSetupHandler h, CancellationToken ct) =>
            {
                await h.DeactivateSupervisorAsync(id, ct);
                return Results.NoContent();
            })
            .WithTags("Region setup").WithSummary("Take a supervisor off the list; reports already sent stay with them (RegionAdmin).");
    }
}

internal sealed class RegionSetupHandler(ReportingDbContext db, IRequestContext actor, IUserDirectory users, TextCatalog texts)
{
    public async Task<IReadOnlyList<CategoryDto>> CategoriesAsync(CancellationToken ct) =>
        (await ActiveTermsAsync(ct)).Where(t => t.Kind == TermKind.Category).Select(ToCategory).ToList();

    public async Task<FormOptionsDto> FormOptionsAsync(CancellationToken ct)
    {
        var terms = await ActiveTermsAsync(ct);
        List<CategoryDto> Of(TermKind kind) => terms.Where(t => t.Kind == kind).Select(ToCategory).ToList();
        return new FormOptionsDto(Of(TermKind.Category), Of(TermKind.ServiceArea), Of(TermKind.Municipality), Of(TermKind.TargetGroup), await SupervisorsAsync(ct));
    }

    public async Task<IReadOnlyList<TermDto>> TermsAsync(CancellationToken ct)
    {
        RequireAdmin();
        return (await db.Terms.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Code).ToListAsync(ct)).Select(ToDto).ToList();
    }

    public async Task<TermDto> AddTermAsync(TermRequest request, CancellationToken ct)
    {
        RequireAdmin();
        var errors = new ValidationErrors(texts);
        var kind = SubmitReportHandler.ParseEnum<TermKind>(errors, "kind", request.Kind);
        var code = errors.Text("code", request.Code, SocialReport.CodeMax);
        if (code is not null && !code.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.AddText("code", "reporting.validation.codeChars");
        }
        var names = Names(errors, request);
        if (kind is not null && code is not null && await db.Terms.AnyAsync(t => t.Kind == kind && t.Code == code, ct))
        {
            errors.AddText("code", "reporting.validation.codeTaken", code);
        }
        errors.ThrowIfAny();
        var term = new TaxonomyTerm { Id = Guid.CreateVersion7(), Kind = kind!.Value, Code = code!, NameFi = names.Fi!, NameSv = names.Sv ?? "", NameEn = names.En ?? "", Active = request.Active };
        db.Terms.Add(term);
        await db.SaveChangesAsync(ct);
        return ToDto(term);
    }

    public async Task<TermDto> UpdateTermAsync(Guid id, TermRequest request, CancellationToken ct)
    {
        RequireAdmin();
        var term = await db.Terms.FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException($"No taxonomy term {id} in this region.");
        var errors = new ValidationErrors(texts);
        var names = Names(errors, request);
        errors.ThrowIfAny();
        (term.NameFi, term.NameSv, term.NameEn, term.Active) = (names.Fi!, names.Sv ?? "", names.En ?? "", request.Active);
        await db.SaveChangesAsync(ct);
        return ToDto(term);
    }

    public async Task<IReadOnlyList<SupervisorDto>> SupervisorsAsync(CancellationToken ct) =>
        await db.Supervisors.AsNoTracking().Where(s => s.Active).OrderBy(s => s.DisplayName)
            .Select(s => new SupervisorDto(s.Id, s.UserName, s.DisplayName, s.ServiceArea, s.Active)).ToListAsync(ct);

    public async Task<SupervisorDto> AddSupervisorAsync(SupervisorRequest request, CancellationToken ct)
    {
        RequireAdmin();
        var region = actor.RequireRegion();
        var errors = new ValidationErrors(texts);
        var userName = errors.Text("userName", request.UserName, 256);
        var serviceArea = errors.Text("serviceArea", request.ServiceArea, SocialReport.CodeMax);
        UserRef? user = null;
        if (userName is not null)
        {
            user = await users.FindByUserNameAsync(userName, ct);
            if (user is null || !(await users.RolesAsync(user.Id, region, ct)).Contains(RegionRole.Supervisor))
            {
                errors.AddText("userName", "reporting.validation.notSupervisor", userName);
            }
        }
        if (serviceArea is not null && !await db.Terms.AnyAsync(t => t.Kind == TermKind.ServiceArea && t.Code == serviceArea && t.Active, ct))
        {
            errors.AddText("serviceArea", "validation.unknownValue", serviceArea,
                string.Join(", ", await db.Terms.Where(t => t.Kind == TermKind.ServiceArea).Select(t => t.Code).ToListAsync(ct)));
        }
        errors.ThrowIfAny();
        var listing = await db.Supervisors.FirstOrDefaultAsync(s => s.UserId == user!.Id, ct);
        if (listing is null)
        {
            db.Supervisors.Add(listing = new SupervisorListing { Id = Guid.CreateVersion7(), UserId = user!.Id });
        }
        (listing.UserName, listing.DisplayName, listing.ServiceArea, listing.Active) = (user!.UserName, user.DisplayName, serviceArea!, true);
        await db.SaveChangesAsync(ct);
        return new SupervisorDto(listing.Id, listing.UserName, listing.DisplayName, listing.ServiceArea, listing.Active);
    }

    public async Task DeactivateSupervisorAsync(Guid id, CancellationToken ct)
    {
        RequireAdmin();
        var listing = await db.Supervisors.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException($"No supervisor listing {id} in this region.");
        listing.Active = false;
        await db.SaveChangesAsync(ct);
    }

    private (string? Fi, string? Sv, string? En) Names(ValidationErrors errors, TermRequest request) =>
        (errors.Text("nameFi", request.NameFi, 200), errors.Text("nameSv", request.NameSv, 200, required: false), errors.Text("nameEn", request.NameEn, 200, required: false));

    private void RequireAdmin() => actor.RequireAnyRole(texts["reporting.admin.forbidden"], RegionRole.RegionAdmin);

    private async Task<List<TaxonomyTerm>> ActiveTermsAsync(CancellationToken ct) =>
        await db.Terms.AsNoTracking().Where(t => t.Active).OrderBy(t => t.Kind).ThenBy(t => t.NameFi).ToListAsync(ct);

    private static CategoryDto ToCategory(TaxonomyTerm t) => new(t.Code, t.Name(TextCatalog.CurrentLanguage));

    private static TermDto ToDto(TaxonomyTerm t) => new(t.Id, t.Kind.ToString(), t.Code, t.Name(TextCatalog.CurrentLanguage), t.NameFi, t.NameSv, t.NameEn, t.Active);
}
