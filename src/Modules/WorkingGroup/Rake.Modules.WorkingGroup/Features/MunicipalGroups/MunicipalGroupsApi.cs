using Rake.Modules.WorkingGroup.Contracts;

namespace Rake.Modules.WorkingGroup.Features.MunicipalGroups;

/// <summary>Reads nominations and municipal proposals through the region filter: another region's rows are never seen.</summary>
internal sealed class MunicipalGroupsApi(WorkingGroupDbContext db) : IMunicipalGroupsApi
{
    public async Task<IReadOnlyList<string>> NominatedMunicipalitiesAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Nominations.AsNoTracking().Where(n => n.MemberUserId == userId || n.DeputyUserId == userId)
            .Select(n => n.Municipality).Distinct().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<MunicipalProposalInfo>> MunicipalProposalsAsync(CancellationToken cancellationToken) =>
        (await db.Proposals.AsNoTracking().Where(p => p.TargetKind == ProposalTarget.Municipality).ToListAsync(cancellationToken))
        .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
        .Select(p => new MunicipalProposalInfo(p.Id, p.Title, p.Description, p.Target, p.Status.ToString(), p.CreatedAt))
        .ToList();
}
