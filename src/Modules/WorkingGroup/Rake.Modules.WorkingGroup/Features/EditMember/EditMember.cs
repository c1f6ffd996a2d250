namespace Rake.Modules.WorkingGroup.Features.EditMember;

internal static class EditMemberEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/bodies/{id:guid}/members/{memberId:guid}", (Guid id, Guid memberId, MemberRequest request, EditMemberHandler h,
                CancellationToken ct) => h.UpdateAsync(id, memberId, request, ct))
            .RequireRegionRoles(WgRoles.ManageBodiesRequirement)
            .WithTags(ViewBodiesEndpoints.Tag)
            .WithSummary("Change a member's name, title, user account, role or term.");
        api.MapDelete("/bodies/{id:guid}/members/{memberId:guid}", async (Guid id, Guid memberId, EditMemberHandler h,
                CancellationToken ct) =>
            {
                await h.RemoveAsync(id, memberId, ct);
                return Results.NoContent();
            })
            .RequireRegionRoles(WgRoles.ManageBodiesRequirement)
            .WithTags(ViewBodiesEndpoints.Tag)
            .WithSummary("Remove a member who was present at no meeting; one who was has their term ended instead (409).");
    }
}

internal sealed class EditMemberHandler(
    WorkingGroupDbContext db, WgLookup lookup, ModuleMapper<WorkingGroupModule> mapper, TextCatalog texts, TimeProvider clock)
{
    public async Task<MemberDto> MemberAsync(Guid bodyId, Guid memberId, CancellationToken ct)
    {
        var member = await FindAsync(bodyId, memberId, ct);
        return mapper.Map<MemberDto>(new OnDay<BodyMember>(member, Helsinki.Today(clock)));
    }

    public async Task<MemberDto> UpdateAsync(Guid bodyId, Guid memberId, MemberRequest request, CancellationToken ct)
    {
        var member = await FindAsync(bodyId, memberId, ct);
        var user = await lookup.RegionUserAsync(request.UserName, ct);
        // A member picked from the directory takes the account's name unless one is typed.
        member.Name = WgValidator<MemberRequest>.Clean(request.Name) ?? user!.DisplayName;
        member.Title = WgValidator<MemberRequest>.Clean(request.Title);
        member.UserId = user?.Id;
        member.UserName = user?.UserName;
        member.Role = WgValidator<MemberRequest>.Parse<MemberRole>(request.Role)!.Value;
        member.TermStart = request.TermStart!.Value;
        member.TermEnd = request.TermEnd;
        await db.SaveChangesAsync(ct);
        return mapper.Map<MemberDto>(new OnDay<BodyMember>(member, Helsinki.Today(clock)));
    }

    public async Task RemoveAsync(Guid bodyId, Guid memberId, CancellationToken ct)
    {
        var member = await FindAsync(bodyId, memberId, ct);
        // Minutes name who was present: removing such a member would rewrite them, so the caller ends the term instead.
        var attendance = await db.Attendance.Where(a => a.MemberId == memberId).ToListAsync(ct);
        if (attendance.Any(a => a.Present))
        {
            throw new ConflictException(texts["wg.conflict.memberHasHistory"]);
        }
        db.Attendance.RemoveRange(attendance);
        db.Members.Remove(member);
        await db.SaveChangesAsync(ct);
    }

    private async Task<BodyMember> FindAsync(Guid bodyId, Guid memberId, CancellationToken ct)
    {
        await lookup.BodyAsync(bodyId, ct);
        return await db.Members.FirstOrDefaultAsync(m => m.Id == memberId && m.BodyId == bodyId, ct)
            ?? throw new NotFoundException(texts["wg.notFound.member"]);
    }
}
