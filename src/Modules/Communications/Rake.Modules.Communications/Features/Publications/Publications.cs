using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Persistence;

namespace Rake.Modules.Communications.Features.Publications;

internal sealed record PublicationRequest(string? Kind, string? Channel, string? Language, string? Title, string? Summary, string? Body, string? SourceDecision);

internal sealed record PublicationDto(
    Guid Id, string Kind, string Channel, string Language, string Title, string? Summary, string Body, string Html, string? SourceDecision,
    string Status, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ApprovedAt, string? ApprovedBy, DateTimeOffset? PublishedAt, string? PublishedBy);

internal static class PublicationEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var g = api.MapGroup("/publications").WithTags("Publications");
        g.MapGet("", (string? status, string? channel, PublicationsHandler h, CancellationToken ct) => h.ListAsync(status, channel, ct))
            .WithSummary("Publications of the region; drafts and approved ones only for communications, responsible persons and the groups.");
        g.MapPost("", async (PublicationRequest request, PublicationsHandler h, HttpContext http, CancellationToken ct) =>
            {
                var created = await h.CreateAsync(request, null, ct);
                return Results.Created($"{http.Request.Path}/{created.Id}", created);
            })
            .WithSummary("Draft a publication (intranet page item, news, blog post, newsletter, media release, half-year compilation, annual social report). Body is Markdown.");
        g.MapGet("/{id:guid}", (Guid id, PublicationsHandler h, CancellationToken ct) => h.GetAsync(id, ct)).WithSummary("One publication with its safely rendered HTML.");
        g.MapPut("/{id:guid}", (Guid id, PublicationRequest request, PublicationsHandler h, CancellationToken ct) => h.UpdateAsync(id, request, ct))
            .WithSummary("Edit a draft or an approved publication (an approved one goes back to draft).");
        g.MapPost("/{id:guid}/approve", (Guid id, PublicationsHandler h, CancellationToken ct) => h.ApproveAsync(id, ct)).WithSummary("Approve a draft.");
        g.MapPost("/{id:guid}/publish", (Guid id, PublicationsHandler h, CancellationToken ct) => h.PublishAsync(id, ct))
            .WithSummary("Publish an approved publication: it appears in the region's public Atom feed of its channel.");
    }
}

internal sealed class PublicationsHandler(CommunicationsDbContext db, IRequestContext actor, IUserDirectory users, TextCatalog texts, TimeProvider clock)
{
    public async Task<IReadOnlyList<PublicationDto>> ListAsync(string? status, string? channel, CancellationToken ct)
    {
        var errors = new ValidationErrors(texts);
        var wantedStatus = Parse<PublicationStatus>(errors, "status", status, required: false);
        var wantedChannel = Parse<PublicationChannel>(errors, "channel", channel, required: false);
        errors.ThrowIfAny();
        var query = db.Publications.AsNoTracking();
        if (!CommRoles.Any(actor, CommRoles.Readers))
        {
            query = query.Where(p => p.Status == PublicationStatus.Published);
        }
        if (wantedStatus is { } s)
        {
            query = query.Where(p => p.Status == s);
        }
        if (wantedChannel is { } c)
        {
            query = query.Where(p => p.Channel == c);
        }
        var rows = await query.ToListAsync(ct);
        return rows.OrderByDescending(p => p.PublishedAt ?? p.UpdatedAt).Select(ToDto).ToList();
    }

    public async Task<PublicationDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await LoadAsync(id, ct));

    public async Task<PublicationDto> CreateAsync(PublicationRequest request, string? sourceKey, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.edit"], CommRoles.Editors);
        var now = clock.GetUtcNow();
        var publication = new Publication { Id = Guid.CreateVersion7(now), CreatedAt = now, CreatedBy = await MeAsync(ct), SourceKey = sourceKey, Status = PublicationStatus.Draft };
        Apply(publication, request);
        publication.UpdatedAt = now;
        db.Publications.Add(publication);
        await db.SaveChangesAsync(ct);
        return ToDto(publication);
    }

    /// <summary>For workflow activities, which act as the system: creates and publishes at once, once per source key.</summary>
    public async Task<PublicationDto> PublishFromWorkflowAsync(PublicationRequest request, string sourceKey, string actorName, CancellationToken ct)
    {
        var existing = await db.Publications.FirstOrDefaultAsync(p => p.SourceKey == sourceKey, ct);
        if (existing is not null)
        {
            return ToDto(existing);
        }
        var now = clock.GetUtcNow();
        var publication = new Publication
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            CreatedBy = actorName,
            SourceKey = sourceKey,
            UpdatedAt = now,
            Status = PublicationStatus.Published,
            ApprovedAt = now,
            ApprovedBy = actorName,
            PublishedAt = now,
            PublishedBy = actorName,
        };
        Apply(publication, request);
        db.Publications.Add(publication);
        await db.SaveChangesAsync(ct);
        return ToDto(publication);
    }

    public async Task<PublicationDto> UpdateAsync(Guid id, PublicationRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.edit"], CommRoles.Editors);
        var publication = await LoadAsync(id, ct);
        if (publication.Status == PublicationStatus.Published)
        {
            throw new ConflictException(texts["communications.publication.alreadyPublished"]);
        }
        Apply(publication, request);
        publication.Status = PublicationStatus.Draft;
        (publication.ApprovedAt, publication.ApprovedBy) = (null, null);
        publication.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return ToDto(publication);
    }

    public async Task<PublicationDto> ApproveAsync(Guid id, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.approve"], CommRoles.Approvers);
        var publication = await LoadAsync(id, ct);
        if (publication.Status != PublicationStatus.Draft)
        {
            throw new ConflictException(texts.Get("communications.publication.wrongStatus", texts[$"communications.status.{publication.Status}"], texts["communications.status.Draft"]));
        }
        var now = clock.GetUtcNow();
        (publication.Status, publication.ApprovedAt, publication.ApprovedBy, publication.UpdatedAt) = (PublicationStatus.Approved, now, await MeAsync(ct), now);
        await db.SaveChangesAsync(ct);
        return ToDto(publication);
    }

    public async Task<PublicationDto> PublishAsync(Guid id, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.publish"], CommRoles.Publishers);
        var publication = await LoadAsync(id, ct);
        if (publication.Status != PublicationStatus.Approved)
        {
            throw new ConflictException(texts.Get("communications.publication.wrongStatus", texts[$"communications.status.{publication.Status}"], texts["communications.status.Approved"]));
        }
        var now = clock.GetUtcNow();
        (publication.Status, publication.PublishedAt, publication.PublishedBy, publication.UpdatedAt) = (PublicationStatus.Published, now, await MeAsync(ct), now);
        await db.SaveChangesAsync(ct);
        return ToDto(publication);
    }

    private void Apply(Publication publication, PublicationRequest request)
    {
        var errors = new ValidationErrors(texts);
        var kind = Parse<PublicationKind>(errors, "kind", request.Kind, required: true);
        var channel = Parse<PublicationChannel>(errors, "channel", request.Channel, required: true);
        var language = string.IsNullOrWhiteSpace(request.Language) ? "fi" : request.Language.Trim();
        if (!TextCatalog.Languages.Contains(language))
        {
            errors.AddText("language", "communications.validation.language");
        }
        var title = errors.Text("title", request.Title, Publication.TitleMax);
        var summary = errors.Text("summary", request.Summary, Publication.SummaryMax, required: false);
        var body = errors.Text("body", request.Body, Publication.BodyMax);
        var source = errors.Text("sourceDecision", request.SourceDecision, Publication.SourceMax, required: false);
        errors.ThrowIfAny();
        (publication.Kind, publication.Channel, publication.Language) = (kind!.Value, channel!.Value, language);
        (publication.Title, publication.Summary, publication.Body, publication.SourceDecision) = (title!, summary, body!, source);
    }

    internal static T? Parse<T>(ValidationErrors errors, string field, string? value, bool required) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.AddText(field, "validation.required");
            }
            return null;
        }
        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !value.Trim().All(char.IsAsciiDigit))
        {
            return parsed;
        }
        errors.AddText(field, "communications.validation.oneOf", string.Join(", ", Enum.GetNames<T>()));
        return null;
    }

    private async Task<Publication> LoadAsync(Guid id, CancellationToken ct)
    {
        var publication = await db.Publications.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (publication is null || (publication.Status != PublicationStatus.Published && !CommRoles.Any(actor, CommRoles.Readers)))
        {
            throw new NotFoundException($"No publication {id} that you may see in this region.");
        }
        return publication;
    }

    private async Task<string> MeAsync(CancellationToken ct) =>
        actor.UserId is { } id ? (await users.FindByIdAsync(id, ct))?.DisplayName ?? actor.UserName ?? "" : actor.UserName ?? "";

    internal static PublicationDto ToDto(Publication p) => new(
        p.Id, p.Kind.ToString(), p.Channel.ToString(), p.Language, p.Title, p.Summary, p.Body, MarkdownRenderer.ToHtml(p.Body), p.SourceDecision,
        p.Status.ToString(), p.CreatedAt, p.CreatedBy, p.ApprovedAt, p.ApprovedBy, p.PublishedAt, p.PublishedBy);
}
