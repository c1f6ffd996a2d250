using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features.EditMember;

/// <summary>A member's changed details; without a user name the member is a named person without an account.</summary>
internal sealed record UpdateMemberRequest(
    string? Name, string? Title, string? UserName, string? Role, DateOnly? TermStart, DateOnly? TermEnd);

internal static class EditMemberEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/bodies/{id:guid}/members/{memberId:guid}", (Guid id, Guid memberId, UpdateMemberRequest request, EditMemberHandler h,
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

internal sealed class UpdateMemberValidator : WgValidator<UpdateMemberRequest>
{
    public UpdateMemberValidator(TextCatalog texts, WgLookup lookup) : base(texts)
    {
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

internal sealed class EditMemberHandler(
    WorkingGroupDbContext db, WgLookup lookup, ModuleMapper<WorkingGroupModule> mapper, TextCatalog texts, TimeProvider clock)
{
    public async Task<MemberDto> MemberAsync(Guid bodyId, Guid memberId, CancellationToken ct)
    {
        var member = await FindAsync(bodyId, memberId, ct);
        return mapper.Map<MemberDto>(new OnDay<BodyMember>(member, Helsinki.Today(clock)));
    }

    public async Task<MemberDto> UpdateAsync(Guid bodyId, Guid memberId, UpdateMemberRequest request, CancellationToken ct)
    {
        var member = await FindAsync(bodyId, memberId, ct);
        var user = await lookup.RegionUserAsync(request.UserName, ct);
        // A member picked from the directory takes the account's name unless one is typed.
        member.Name = WgValidator<UpdateMemberRequest>.Clean(request.Name) ?? user!.DisplayName;
        member.Title = WgValidator<UpdateMemberRequest>.Clean(request.Title);
        member.UserId = user?.Id;
        member.UserName = user?.UserName;
        member.Role = WgValidator<UpdateMemberRequest>.Parse<MemberRole>(request.Role)!.Value;
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
