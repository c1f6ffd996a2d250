using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Regions;
using Rake.Modules.Workflows.Engine;
using Rake.Modules.Workflows.Persistence;

namespace Rake.Modules.Workflows.Runtime;

internal sealed record PublishOutcome(WorkflowDefinitionVersion? Version, IReadOnlyList<ValidationError> Errors)
{
    public bool Succeeded => Version is not null && Errors.Count == 0;
}

/// <summary>
/// Versions of the region's definitions. A published version is never changed: saving after a publish makes a new
/// draft, and a running instance keeps pointing at the version it started on.
/// </summary>
internal sealed class DefinitionStore(
    WorkflowsDbContext db, WorkflowEngineFactory engines, IRequestContext actor, TimeProvider clock, IServiceProvider services)
{
    public Task<WorkflowDefinitionVersion?> LatestAsync(string definitionId, CancellationToken ct) =>
        db.Definitions.Where(d => d.DefinitionId == definitionId).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct);

    public Task<WorkflowDefinitionVersion?> LatestPublishedAsync(string definitionId, CancellationToken ct) =>
        db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsPublished).OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(ct);

    /// <summary>Saves a draft: a new version after a published one, otherwise the open draft is overwritten. Drafts are not
    /// validated. A save that only repeats the published latest version (the Studio saves again after a publish) makes no
    /// version: an empty draft would only hide which version is in use.</summary>
    public async Task<WorkflowDefinitionVersion> SaveDraftAsync(WorkflowDefinition definition, CancellationToken ct)
    {
        var definitionId = string.IsNullOrWhiteSpace(definition.DefinitionId) ? Guid.NewGuid().ToString("N") : definition.DefinitionId;
        var latest = await LatestAsync(definitionId, ct);
        WorkflowDefinitionVersion version;
        if (latest is { IsPublished: false })
        {
            version = latest;
        }
        else if (latest is not null && SameContent(latest.Json, definition))
        {
            return latest;
        }
        else
        {
            version = NewVersion(definitionId, (latest?.Version ?? 0) + 1, latest);
        }
        Fill(version, definition);
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>Validates and publishes the latest version; an already published latest version is returned unchanged.</summary>
    public async Task<PublishOutcome> PublishAsync(string definitionId, CancellationToken ct)
    {
        var latest = await LatestAsync(definitionId, ct);
        if (latest is null)
        {
            return new PublishOutcome(null, []);
        }
        if (latest.IsPublished)
        {
            return new PublishOutcome(latest, []);
        }
        var errors = Validate(latest.Json);
        if (errors.Count == 0)
        {
            errors = await UsableWorkflows.CheckUsesAsync(db, engines.Registry, latest.Json, ct);
        }
        if (errors.Count == 0)
        {
            errors = await HttpPathConflictsAsync(latest, ct);
        }
        if (errors.Count == 0)
        {
            errors = await OfferedValues.CheckAsync(services, engines.Registry, latest.Json, ct);
        }
        if (errors.Count > 0)
        {
            return new PublishOutcome(latest, errors);
        }
        latest.IsPublished = true;
        await ReplaceTriggersAsync(latest, ct);
        await db.SaveChangesAsync(ct);
        return new PublishOutcome(latest, []);
    }

    /// <summary>
    /// Retracts (Elsa's unpublish) a definition: no version of it starts new instances any more, by hand, trigger, event
    /// or parent, and its time triggers go. Running instances keep their version. When the latest version was the published
    /// one, a copy of it becomes the new draft, so the next save cannot overwrite a version instances run on
    /// (docs/adr/0177). Null when the region has no published version of the definition.
    /// </summary>
    public async Task<WorkflowDefinitionVersion?> RetractAsync(string definitionId, CancellationToken ct)
    {
        var published = await db.Definitions.Where(d => d.DefinitionId == definitionId && d.IsPublished).ToListAsync(ct);
        if (published.Count == 0)
        {
            return null;
        }
        foreach (var version in published)
        {
            version.IsPublished = false;
        }
        db.Triggers.RemoveRange(await db.Triggers.Where(t => t.DefinitionId == definitionId).ToListAsync(ct));
        var latest = await LatestAsync(definitionId, ct);
        if (latest is not null && published.Contains(latest))
        {
            var draft = NewVersion(definitionId, latest.Version + 1, latest);
            Fill(draft, WorkflowDefinition.Parse(latest.Json));
            latest = draft;
        }
        await db.SaveChangesAsync(ct);
        return latest;
    }

    /// <summary>
    /// Imports a file: stored and published as a new version when its content differs from the latest published
    /// version (true), left alone when it is the same (false). Validation is the caller's.
    /// </summary>
    public async Task<(WorkflowDefinitionVersion Version, bool Changed)> ImportAsync(WorkflowDefinition definition, CancellationToken ct)
    {
        var definitionId = definition.DefinitionId;
        var latest = await LatestAsync(definitionId, ct);
        var published = latest is { IsPublished: true } ? latest : await LatestPublishedAsync(definitionId, ct);
        if (published is not null && SameContent(published.Json, definition))
        {
            return (published, false);
        }
        if (published is null && latest is { Version: > 1 } && SameContent(latest.Json, definition))
        {
            // A second version exists only after a publish, so nothing published now means retracted: the same file does
            // not publish it again at the next start.
            return (latest, false);
        }
        var version = latest is { IsPublished: false } ? latest : NewVersion(definitionId, (latest?.Version ?? 0) + 1, latest);
        Fill(version, definition);
        version.IsPublished = true;
        await ReplaceTriggersAsync(version, ct);
        await db.SaveChangesAsync(ct);
        return (version, true);
    }

    /// <summary>
    /// Two published workflows of a region may not take the same request: an HTTP Endpoint trigger whose method and path
    /// (letter case and placeholder names aside) another definition's latest published version has is refused, naming both.
    /// </summary>
    private async Task<IReadOnlyList<ValidationError>> HttpPathConflictsAsync(WorkflowDefinitionVersion version, CancellationToken ct)
    {
        var publisher = engines.Publisher();
        var mine = Features.HttpWorkflows.HttpTriggers.Of(publisher, version.Json).ToList();
        if (mine.Count == 0)
        {
            return [];
        }
        var errors = new List<ValidationError>();
        foreach (var (otherId, json) in await Features.HttpWorkflows.HttpTriggers.LatestPublishedAsync(db, ct))
        {
            if (otherId == version.DefinitionId)
            {
                continue;
            }
            var theirs = Features.HttpWorkflows.HttpTriggers.Of(publisher, json).Select(t => Shape(t.Name))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var trigger in mine.Where(t => theirs.Contains(Shape(t.Name))))
            {
                errors.Add(new ValidationError(trigger.ActivityId,
                    $"The HTTP endpoint '{trigger.Name}' of '{version.DefinitionId}' is already the trigger of the published workflow "
                    + $"'{otherId}' in this region. Give one of them another path or method."));
            }
        }
        return errors;

        static string Shape(string name)
        {
            var (method, path) = Features.HttpWorkflows.HttpTriggers.Split(name);
            return $"{method} {Engine.Activities.HttpRoute.Shape(path)}";
        }
    }

    public IReadOnlyList<ValidationError> Validate(string json)
    {
        try
        {
            return engines.Publisher().Validate(WorkflowDefinition.Parse(json));
        }
        catch (WorkflowDefinitionFormatException ex)
        {
            return [new ValidationError(null, ex.Message)];
        }
    }

    /// <summary>
    /// The definition's start triggers become the published version's time triggers, saved with the version. Cron is
    /// read in UTC, as the engine's Cron activity and Elsa (Cronos) read it; the first fire is the next occurrence
    /// after now. A Timer fires once an interval after publishing, a StartAt once at its moment.
    /// </summary>
    private async Task ReplaceTriggersAsync(WorkflowDefinitionVersion version, CancellationToken ct)
    {
        var old = await db.Triggers.Where(t => t.DefinitionId == version.DefinitionId).ToListAsync(ct);
        db.Triggers.RemoveRange(old);
        var now = clock.GetUtcNow();
        var requests = engines.Publisher().Publish(WorkflowDefinition.Parse(version.Json)).Triggers;
        foreach (var request in requests.Where(r => r.Kind == Rake.Workflows.Abstractions.BookmarkKind.Time))
        {
            var next = request.CronExpression is { } cron ? CronSchedule.Parse(cron).GetNextOccurrence(now) : request.DueAt;
            if (next is null)
            {
                continue;
            }
            db.Triggers.Add(new WorkflowTriggerRecord
            {
                Id = Guid.CreateVersion7(now),
                DefinitionId = version.DefinitionId,
                DefinitionVersion = version.Version,
                ActivityId = Truncate(request.ActivityId, 200),
                Kind = Truncate(request.Name, 40),
                CronExpression = request.CronExpression,
                DueAt = request.CronExpression is null ? request.DueAt?.ToUniversalTime() : null,
                // PostgreSQL stores instants in UTC only.
                NextFireAt = next.Value.ToUniversalTime(),
                CreatedAt = now,
            });
        }
    }

    private WorkflowDefinitionVersion NewVersion(string definitionId, int number, WorkflowDefinitionVersion? previousLatest)
    {
        if (previousLatest is not null)
        {
            previousLatest.IsLatest = false;
        }
        var version = new WorkflowDefinitionVersion
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            DefinitionId = definitionId,
            Version = number,
            IsLatest = true,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.UserName ?? "system",
        };
        db.Definitions.Add(version);
        return version;
    }

    private static void Fill(WorkflowDefinitionVersion version, WorkflowDefinition definition)
    {
        var json = (JsonObject)definition.Json.DeepClone();
        json["definitionId"] = version.DefinitionId;
        json["version"] = version.Version;
        version.Name = Truncate(definition.Name is { Length: > 0 } name ? name : version.DefinitionId, WorkflowDefinitionVersion.NameMax);
        version.Json = json.ToJsonString();
    }

    /// <summary>Compares what the file says, ignoring the version number and flags the store writes itself.</summary>
    private static bool SameContent(string storedJson, WorkflowDefinition candidate)
    {
        static JsonObject Normalise(JsonObject json)
        {
            var copy = (JsonObject)json.DeepClone();
            // What the store writes itself, and what the Studio echoes back from the API's answer.
            foreach (var key in new[] { "version", "isPublished", "isLatest", "id", "createdAt", "links", "isReadonly" })
            {
                copy.Remove(key);
            }
            return copy;
        }
        return JsonNode.DeepEquals(Normalise(WorkflowDefinition.Parse(storedJson).Json), Normalise(candidate.Json));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
