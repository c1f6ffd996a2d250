using Rake.BuildingBlocks.Persistence;

namespace Rake.Modules.Workflows.Persistence;

/// <summary>One version of a region's workflow definition. A published version is never changed; saving after publishing makes a new
/// draft.</summary>
internal sealed class WorkflowDefinitionVersion : IRegionOwned
{
    public const int DefinitionIdMax = 200;
    public const int NameMax = 200;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int Version { get; set; }
    public string Name { get; set; } = "";

    /// <summary>The Elsa 3 JSON as saved, so designer metadata survives a round trip.</summary>
    public string Json { get; set; } = "";
    public bool IsPublished { get; set; }
    public bool IsLatest { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>A workflow instance: the engine's state and journal as JSON, pinned to the definition version it started on.</summary>
internal sealed class WorkflowInstanceRecord : IRegionOwned
{
    /// <summary>As long as the API accepts (StartInstanceValidator); a longer one set by a script is stored cut short.</summary>
    public const int CorrelationIdMax = 200;

    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public Guid DefinitionVersionId { get; set; }
    public string Status { get; set; } = "";
    public string SubStatus { get; set; } = "";
    public string State { get; set; } = "";
    public string Journal { get; set; } = "";
    public string? FaultMessage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Bumped by every save; a concurrent resume of the same instance fails to save and retries on fresh state.</summary>
    public int Revision { get; set; }

    /// <summary>
    /// Set and committed before the engine runs activities, cleared in the commit that saves the run's result: still set
    /// at start-up, it means the process stopped during the run, and the instance is faulted instead of run again.
    /// </summary>
    public DateTimeOffset? ExecutingSince { get; set; }

    /// <summary>Which Host process set <see cref="ExecutingSince"/> (<see cref="Runtime.ExecutionMarker.ProcessName"/>).</summary>
    public string? ExecutingOn { get; set; }

    /// <summary>Elsa's correlation id, copied out of the state at every save so instances are listed by it (docs/adr/0190).</summary>
    public string? CorrelationId { get; set; }

    /// <summary>The instance that started this one as a child, copied out of the state so a cancel finds the children.</summary>
    public Guid? ParentInstanceId { get; set; }
}

/// <summary>Something an instance waits for: an event, a person (human task) or a time.</summary>
internal sealed class WorkflowBookmarkRecord : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public Guid InstanceId { get; set; }

    /// <summary>The engine's bookmark id inside the instance.</summary>
    public string BookmarkId { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public string ActivityType { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The region role a human task is assigned to, copied out of the payload so an inbox is one indexed query.</summary>
    public string? Role { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public string? Payload { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
}

/// <summary>
/// A published definition's start trigger (Elsa.Cron, Elsa.Timer, Elsa.StartAt): the timer round starts an instance
/// when <see cref="NextFireAt"/> has passed. Replaced whenever a new version of the definition is published.
/// </summary>
internal sealed class WorkflowTriggerRecord : IRegionOwned
{
    public Guid Id { get; set; }
    public string RegionCode { get; set; } = "";
    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public string ActivityId { get; set; } = "";

    /// <summary>The trigger activity's type (<c>Elsa.Cron</c>, <c>Elsa.Timer</c>, <c>Elsa.StartAt</c>).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Set for a cron trigger, which recurs; without it the trigger fires once at <see cref="DueAt"/>.</summary>
    public string? CronExpression { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset NextFireAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Bumped by every fire; two Hosts firing the same trigger at once start one instance (the loser's save fails).</summary>
    public int Revision { get; set; }
}
