namespace Rake.Modules.WorkingGroup.Features.AddMember;

internal static class AddMemberEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/bodies/{id:guid}/members", async (Guid id, MemberRequest request, AddMemberHandler h, CancellationToken ct) =>
                Results.Created($"bodies/{id}", await h.HandleAsync(id, request, ct)))
            .RequireRegionRoles(WgRoles.ManageBodiesRequirement)
            .WithTags(ViewBodiesEndpoints.Tag)
            .WithSummary("Add a member with a role (Chair, ViceChair, Coordinator, Secretary, Member, Deputy) and a term.");
}

internal sealed class AddMemberHandler(
    WorkingGroupDbContext db, WgLookup lookup, ModuleMapper<WorkingGroupModule> mapper, TimeProvider clock)
{
    public async Task<MemberDto> HandleAsync(Guid bodyId, MemberRequest request, CancellationToken ct)
    {
        await lookup.BodyAsync(bodyId, ct);
        var user = await lookup.RegionUserAsync(request.UserName, ct);
        var member = new BodyMember
        {
            Id = Guid.CreateVersion7(),
            BodyId = bodyId,
            Name = WgValidator<MemberRequest>.Clean(request.Name) ?? user!.DisplayName,
            Title = WgValidator<MemberRequest>.Clean(request.Title),
            UserId = user?.Id,
            UserName = user?.UserName,
            Role = WgValidator<MemberRequest>.Parse<MemberRole>(request.Role)!.Value,
            TermStart = request.TermStart!.Value,
            TermEnd = request.TermEnd,
        };
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return mapper.Map<MemberDto>(new OnDay<BodyMember>(member, Helsinki.Today(clock)));
    }
}
