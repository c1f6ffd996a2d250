namespace Rake.BuildingBlocks.Contracts;

/// <summary>
/// A fact one module publishes for others. Implementations are sealed records with past-tense names;
/// they are written to the publisher's outbox in the same transaction as the change they describe.
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }
    RegionId Region { get; }
    DateTimeOffset OccurredAt { get; }
}
