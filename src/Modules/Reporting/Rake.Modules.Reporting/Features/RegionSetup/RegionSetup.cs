namespace Rake.Modules.Reporting.Features.RegionSetup;

internal sealed record TermDto(Guid Id, string Kind, string Code, string Name, string NameFi, string NameSv, string NameEn, bool Active);

internal sealed record CategoryDto(string Code, string Name);

internal sealed record SupervisorDto(Guid Id, string UserName, string DisplayName, string ServiceArea, bool Active);

internal sealed record TermRequest(string? Kind, string? Code, string? NameFi, string? NameSv, string? NameEn, bool Active = true);

/// <summary>
/// A rename or (de)activation. A term's kind and code never change, so old reports keep their meaning: they are accepted
/// (the body may be the term as read) and ignored.
/// </summary>
internal sealed record UpdateTermRequest(string? Kind, string? Code, string? NameFi, string? NameSv, string? NameEn, bool Active = true);

internal sealed record SupervisorRequest(string? UserName, string? ServiceArea);

/// <summary>Everything the submission form offers, in the caller's language.</summary>
internal sealed record FormOptionsDto(
    IReadOnlyList<CategoryDto> Categories, IReadOnlyList<CategoryDto> ServiceAreas, IReadOnlyList<CategoryDto> Municipalities,
    IReadOnlyList<CategoryDto> TargetGroups, IReadOnlyList<SupervisorDto> Supervisors);

internal static class RegionSetupEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tag = "Region setup";
        api.MapGet("/categories", (RegionSetupHandler h, CancellationToken ct) => h.CategoriesAsync(ct))
            .WithTags(tag).WithSummary("The region's report categories (its own taxonomy).");
        api.MapGet("/social-report-form", (RegionSetupHandler h, CancellationToken ct) => h.FormOptionsAsync(ct))
            .WithTags(tag).WithSummary("Categories, service areas, municipalities, target groups and supervisors for the submission form.");
        api.MapGet("/taxonomy", (RegionSetupHandler h, CancellationToken ct) => h.TermsAsync(ct))
            .RequireRegionRoles(ReportingRoles.Admin)
            .WithTags(tag).WithSummary("All taxonomy terms, inactive ones included (RegionAdmin).");
        api.MapPost("/taxonomy", async (string region, TermRequest request, RegionSetupHandler h, CancellationToken ct) =>
            {
                var term = await h.AddTermAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/taxonomy/{term.Id}", term);
            })
            .RequireRegionRoles(ReportingRoles.Admin)
            .WithTags(tag).WithSummary("Add a category, service area, municipality or target group (RegionAdmin).");
        api.MapPut("/taxonomy/{id:guid}", (Guid id, UpdateTermRequest request, RegionSetupHandler h, CancellationToken ct) =>
                h.UpdateTermAsync(id, request, ct))
            .RequireRegionRoles(ReportingRoles.Admin)
            .WithTags(tag).WithSummary("Rename or deactivate a term; its code stays, so old reports keep their meaning (RegionAdmin).");
        api.MapGet("/supervisors", (RegionSetupHandler h, CancellationToken ct) => h.SupervisorsAsync(ct))
            .WithTags(tag).WithSummary("Supervisors reporters may send reports to.");
        api.MapPost("/supervisors", async (string region, SupervisorRequest request, RegionSetupHandler h, CancellationToken ct) =>
            {
                var supervisor = await h.AddSupervisorAsync(request, ct);
                return Results.Created($"/api/v1/regions/{region}/supervisors/{supervisor.Id}", supervisor);
            })
            .RequireRegionRoles(ReportingRoles.Admin)
            .WithTags(tag).WithSummary("Add a person with the Supervisor role to the supervisor list (RegionAdmin).");
        api.MapDelete("/supervisors/{id:guid}", async (Guid id, RegionSetupHandler h, CancellationToken ct) =>
            {
                await h.DeactivateSupervisorAsync(id, ct);
                return Results.NoContent();
            })
            .RequireRegionRoles(ReportingRoles.Admin)
            .WithTags(tag).WithSummary("Take a supervisor off the list; reports already sent stay with them (RegionAdmin).");
    }
}

internal sealed class RegionSetupHandler(
    ReportingDbContext db, IUserDirectory users, IRequestContext actor, ModuleMapper<ReportingModule> mapper)
{
    public async Task<IReadOnlyList<CategoryDto>> CategoriesAsync(CancellationToken ct) =>
        mapper.MapAll<CategoryDto>((await ActiveTermsAsync(ct)).Where(t => t.Kind == TermKind.Category));

    public async Task<FormOptionsDto> FormOptionsAsync(CancellationToken ct)
    {
        var terms = await ActiveTermsAsync(ct);
        List<CategoryDto> Of(TermKind kind) => mapper.MapAll<CategoryDto>(terms.Where(t => t.Kind == kind));
        return new FormOptionsDto(
            Of(TermKind.Category), Of(TermKind.ServiceArea), Of(TermKind.Municipality), Of(TermKind.TargetGroup),
                await SupervisorsAsync(ct));
    }

    public async Task<IReadOnlyList<TermDto>> TermsAsync(CancellationToken ct) =>
        mapper.MapAll<TermDto>(await db.Terms.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.Code).ToListAsync(ct));

    public async Task<TermDto> TermAsync(Guid id, CancellationToken ct) =>
        mapper.Map<TermDto>(await db.Terms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException($"No taxonomy term {id} in this region."));

    public async Task<TermDto> AddTermAsync(TermRequest request, CancellationToken ct)
    {
        var term = new TaxonomyTerm
        {
            Id = Guid.CreateVersion7(),
            Kind = Enum.Parse<TermKind>(request.Kind!.Trim(), ignoreCase: true),
            Code = request.Code!.Trim(),
            NameFi = request.NameFi!.Trim(),
            NameSv = request.NameSv?.Trim() ?? "",
            NameEn = request.NameEn?.Trim() ?? "",
            Active = request.Active,
        };
        db.Terms.Add(term);
        await db.SaveChangesAsync(ct);
        return mapper.Map<TermDto>(term);
    }

    public async Task<TermDto> UpdateTermAsync(Guid id, UpdateTermRequest request, CancellationToken ct)
    {
        var term = await db.Terms.FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException($"No taxonomy term {id} in this region.");
        (term.NameFi, term.NameSv, term.NameEn, term.Active) =
            (request.NameFi!.Trim(), request.NameSv?.Trim() ?? "", request.NameEn?.Trim() ?? "", request.Active);
        await db.SaveChangesAsync(ct);
        return mapper.Map<TermDto>(term);
    }

    /// <summary>
    /// The active listings of people who still hold the Supervisor role here: a leaver's roles are removed when they are
    /// deactivated (docs/adr/0099, 0115), so they are not offered to reporters even before their listing is taken off.
    /// </summary>
    public async Task<IReadOnlyList<SupervisorDto>> SupervisorsAsync(CancellationToken ct)
    {
        var holders = (await SupervisorCandidatesAsync(ct)).Select(u => u.Id).ToList();
        return await mapper.Project<SupervisorDto>(db.Supervisors.AsNoTracking()
            .Where(s => s.Active && holders.Contains(s.UserId)).OrderBy(s => s.DisplayName)).ToListAsync(ct);
    }

    /// <summary>People of this region with the Supervisor role, whom the RegionAdmin may list.</summary>
    public Task<IReadOnlyList<UserRef>> SupervisorCandidatesAsync(CancellationToken ct) =>
        users.UsersInRoleAsync(actor.RequireRegion(), RegionRole.Supervisor, ct);

    public async Task<SupervisorDto> AddSupervisorAsync(SupervisorRequest request, CancellationToken ct)
    {
        var user = await users.FindByUserNameAsync(request.UserName!.Trim(), ct)
            ?? throw new NotFoundException($"No user {request.UserName.Trim()}.");
        var listing = await db.Supervisors.FirstOrDefaultAsync(s => s.UserId == user.Id, ct);
        if (listing is null)
        {
            db.Supervisors.Add(listing = new SupervisorListing { Id = Guid.CreateVersion7(), UserId = user.Id });
        }
        (listing.UserName, listing.DisplayName, listing.ServiceArea, listing.Active) = (user.UserName, user.DisplayName,
            request.ServiceArea!.Trim(), true);
        await db.SaveChangesAsync(ct);
        return mapper.Map<SupervisorDto>(listing);
    }

    public async Task DeactivateSupervisorAsync(Guid id, CancellationToken ct)
    {
        var listing = await db.Supervisors.FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException($"No supervisor listing {id} in this region.");
        listing.Active = false;
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<TaxonomyTerm>> ActiveTermsAsync(CancellationToken ct) =>
        await db.Terms.AsNoTracking().Where(t => t.Active).OrderBy(t => t.Kind).ThenBy(t => t.NameFi).ToListAsync(ct);
}
