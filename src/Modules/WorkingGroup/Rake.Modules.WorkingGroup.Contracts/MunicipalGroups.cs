namespace Rake.Modules.WorkingGroup.Contracts;

/// <summary>An action proposal addressed to a municipality, with its target as the working group wrote it.</summary>
public sealed record MunicipalProposalInfo(
    Guid Id, string Title, string? Description, string Target, string Status, DateTimeOffset CreatedAt);

/// <summary>
/// The municipal wellbeing groups (HYTETU) as the working group keeps them, for the municipality pack: who is nominated where,
/// and what was proposed to each municipality. Everything is the scope's region's.
/// </summary>
public interface IMunicipalGroupsApi
{
    /// <summary>The municipalities (as written on the nominations) where the person is the nominated member or deputy.</summary>
    Task<IReadOnlyList<string>> NominatedMunicipalitiesAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Every action proposal whose target is a municipality.</summary>
    Task<IReadOnlyList<MunicipalProposalInfo>> MunicipalProposalsAsync(CancellationToken cancellationToken);
}
