using System.Text.Json;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Messaging;

namespace Rake.BuildingBlocks.Persistence;

/// <summary>A row that belongs to one region. The module's DbContext filters every query by the current region and stamps new rows with
/// it.</summary>
public interface IRegionOwned
{
    string RegionCode { get; set; }
}

/// <summary>An integration event waiting in (or delivered from) the publishing module's outbox.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>The dispatcher that holds the message while <see cref="LeaseUntil"/> lies ahead (docs/adr/0124).</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds; a dispatcher that died leaves a lease that expires and is taken over.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>The outbox row of an integration event: its id, region, type name and JSON payload.</summary>
    public static OutboxMessage For(IIntegrationEvent integrationEvent) => new()
    {
        Id = integrationEvent.EventId,
        RegionCode = integrationEvent.Region.Code,
        EventType = IntegrationEventTypes.NameOf(integrationEvent.GetType()),
        Payload = JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), IntegrationEventTypes.JsonOptions),
        OccurredAt = integrationEvent.OccurredAt,
    };
}

/// <summary>Records that a handler of this module has applied an event, so a redelivery changes nothing.</summary>
public sealed class InboxRecord
{
    public Guid EventId { get; set; }
    public string Handler { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}

/// <summary>Who did what, when, in which region. Written in the same transaction as the change itself.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string Actor { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";

    /// <summary>Names of the changed properties; values are left out on purpose, the audit log is no second copy of the content.</summary>
    public string ChangedProperties { get; set; } = "";
}
