using FluentValidation;

namespace Rake.Modules.WorkingGroup.Features.CreateBody;

internal sealed record CreateBodyRequest(string? Kind, [ScreenedText] string? Name, [ScreenedText] string? Description);

internal static class CreateBodyEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/bodies", async (CreateBodyRequest request, CreateBodyHandler h, HttpContext http, CancellationToken ct) =>
            {
                var body = await h.HandleAsync(request, ct);
                return Results.Created($"{http.Request.Path}/{body.Id}", body);
            })
            .RequireRegionRoles(WgRoles.ManageBodiesRequirement)
            .WithTags(ViewBodiesEndpoints.Tag).WithSummary("Create a body (RegionAdmin, ResponsiblePerson).");
}

internal sealed class CreateBodyValidator : WgValidator<CreateBodyRequest>
{
    public CreateBodyValidator(TextCatalog texts, WorkingGroupDbContext db) : base(texts)
    {
        OneOf<BodyKind>(r => r.Kind);
        RequiredText(r => r.Name, Limits.Name);
        OptionalText(r => r.Description, Limits.Text);
        RuleFor(r => r.Name)
            .MustAsync(async (name, ct) => string.IsNullOrWhiteSpace(name) || !await db.Bodies.AnyAsync(b => b.Name == name.Trim(), ct))
            .WithMessage((_, name) => Texts.Get("wg.validation.nameTaken", name!.Trim()));
    }
}

internal sealed class CreateBodyHandler(
    WorkingGroupDbContext db, WgLookup lookup, ModuleMapper<WorkingGroupModule> mapper, TimeProvider clock)
{
    public async Task<BodyDto> HandleAsync(CreateBodyRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var body = new Body
        {
            Id = Guid.CreateVersion7(),
            Kind = WgValidator<CreateBodyRequest>.Parse<BodyKind>(request.Kind)!.Value,
            Name = request.Name!.Trim(),
            Description = WgValidator<CreateBodyRequest>.Clean(request.Description),
            CreatedAt = now,
        };
        db.Bodies.Add(body);
        await db.SaveChangesAsync(ct);
        return mapper.Map<BodyDto>(await lookup.BodyRowAsync(body, now, ct));
    }
}
