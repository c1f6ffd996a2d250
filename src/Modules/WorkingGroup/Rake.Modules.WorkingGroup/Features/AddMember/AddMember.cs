using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features.AddMember;

internal sealed record AddMemberRequest(
    string? Name, string? Title, string? UserName, string? Role, DateOnly? TermStart, DateOnly? TermEnd);

internal static class AddMemberEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/bodies/{id:guid}/members", async (Guid id, AddMemberRequest request, AddMemberHandler h, CancellationToken ct) =>
                Results.Created($"bodies/{id}", await h.HandleAsync(id, request, ct)))
            .RequireRegionRoles(WgRoles.ManageBodiesRequirement)
            .WithTags(ViewBodiesEndpoints.Tag)
            .WithSummary("Add a member with a role (Chair, ViceChair, Coordinator, Secretary, Member, Deputy) and a term.");
}

internal sealed class AddMemberValidator : WgValidator<AddMemberRequest>
{
    public AddMemberValidator(TextCatalog texts, WgLookup lookup) : base(texts)
    {
        // A member without a user account is named; one with an account takes its name from the directory.
        RuleFor(r => r.Name).Must((r, name) => !string.IsNullOrWhiteSpace(name) || !string.IsNullOrWhiteSpace(r.UserName))
            .WithMessage(_ => Texts["validation.required"]);
        OptionalText(r => r.Name, Limits.Name);
        OptionalText(r => r.Title, Limits.Name);
        OneOf<MemberRole>(r => r.Role);
        Required(r => r.TermStart);
        RuleFor(r => r.TermEnd).Must((r, end) => r.TermStart is null || end is null || end >= r.TermStart)
            .WithMessage(_ => Texts["wg.validation.termEndBeforeStart"]);
        RuleFor(r => r.UserName)
            .MustAsync(async (name, ct) => string.IsNullOrWhiteSpace(name) || await lookup.RegionUserAsync(name, ct) is not null)
            .WithMessage((_, name) => Texts.Get("wg.validation.unknownUser", name!.Trim()));
    }
}

internal sealed class AddMemberHandler(
    WorkingGroupDbContext db, WgLookup lookup, ModuleMapper<WorkingGroupModule> mapper, TimeProvider clock)
{
    public async Task<MemberDto> HandleAsync(Guid bodyId, AddMemberRequest request, CancellationToken ct)
    {
        await lookup.BodyAsync(bodyId, ct);
        var user = await lookup.RegionUserAsync(request.UserName, ct);
        var member = new BodyMember
        {
            Id = Guid.CreateVersion7(),
            BodyId = bodyId,
            Name = WgValidator<AddMemberRequest>.Clean(request.Name) ?? user!.DisplayName,
            Title = WgValidator<AddMemberRequest>.Clean(request.Title),
            UserId = user?.Id,
            UserName = user?.UserName,
            Role = WgValidator<AddMemberRequest>.Parse<MemberRole>(request.Role)!.Value,
            TermStart = request.TermStart!.Value,
            TermEnd = request.TermEnd,
        };
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return mapper.Map<MemberDto>(new OnDay<BodyMember>(member, Helsinki.Today(clock)));
    }
}
