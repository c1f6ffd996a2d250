namespace Rake.Modules.Communications.Features.Publications;

internal sealed record PublicationRequest(
    string? Kind, string? Channel, string? Language, [ScreenedText] string? Title, [ScreenedText] string? Summary,
    [ScreenedText] string? Body, [ScreenedText] string? SourceDecision);

internal sealed record PublicationDto(
    Guid Id, string Kind, string Channel, string Language, string Title, string? Summary, string Body, string Html, string? SourceDecision,
    string Status, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ApprovedAt, string? ApprovedBy, DateTimeOffset? PublishedAt,
    string? PublishedBy);

/// <summary>A draft's fields, for creating and for editing alike.</summary>
internal sealed class PublicationRequestValidator : RequestValidator<PublicationRequest>
{
    public PublicationRequestValidator(TextCatalog texts) : base(texts)
    {
        this.OneOf<PublicationRequest, PublicationKind>(texts, r => r.Kind, required: true);
        this.OneOf<PublicationRequest, PublicationChannel>(texts, r => r.Channel, required: true);
        RuleFor(r => r.Language).Must(l => string.IsNullOrWhiteSpace(l) || TextCatalog.Languages.Contains(l.Trim()))
            .WithMessage(_ => Texts["communications.validation.language"]);
        RequiredText(r => r.Title, Publication.TitleMax);
        OptionalText(r => r.Summary, Publication.SummaryMax);
        RequiredText(r => r.Body, Publication.BodyMax);
        OptionalText(r => r.SourceDecision, Publication.SourceMax);
    }
}

internal sealed class PublicationMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Publication, PublicationDto>()
            .Map(d => d.Html, p => MarkdownRenderer.ToHtml(p.Body));
        // A validated request onto a draft; the workflow and the author's identity are set by the handler.
        config.NewConfig<PublicationRequest, Publication>()
            .IgnoreNonMapped(true)
            .Map(p => p.Kind, r => CommValidation.Parse<PublicationKind>(r.Kind)!.Value)
            .Map(p => p.Channel, r => CommValidation.Parse<PublicationChannel>(r.Channel)!.Value)
            .Map(p => p.Language, r => CommValidation.Clean(r.Language) ?? "fi")
            .Map(p => p.Title, r => r.Title!.Trim())
            .Map(p => p.Summary, r => CommValidation.Clean(r.Summary))
            .Map(p => p.Body, r => r.Body!.Trim())
            .Map(p => p.SourceDecision, r => CommValidation.Clean(r.SourceDecision));
    }
}

/// <summary>Finding a publication and naming the person acting, as every publication use case needs.</summary>
internal sealed class PublicationStore(CommunicationsDbContext db, IRequestContext actor, IUserDirectory users)
{
    /// <summary>
    /// Drafts and approved items are visible to readers and to the region's system actor (a workflow acting for the
    /// region); to anyone else they do not exist.
    /// </summary>
    public bool SeesDrafts => actor.UserId is null || CommRoles.Read.IsMetBy(actor);

    public async Task<Publication> LoadAsync(Guid id, CancellationToken ct)
    {
        var publication = await db.Publications.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (publication is null || (publication.Status != PublicationStatus.Published && !SeesDrafts))
        {
            throw new NotFoundException($"No publication {id} that you may see in this region.");
        }
        return publication;
    }

    public async Task<string> ActorNameAsync(CancellationToken ct) =>
        actor.UserId is { } id ? (await users.FindByIdAsync(id, ct))?.DisplayName ?? actor.UserName ?? "" : actor.UserName ?? "";
}
