using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;

namespace Rake.BuildingBlocks.Web;

/// <summary>
/// Which of the region's roles may use an endpoint, declared on the endpoint (docs/adr/0086), with the text-catalog key
/// of the 403 answer that tells everyone else why. Use-case handlers hold no role checks: the endpoint declares them, a
/// page checks the same roles before it calls the handler, and a workflow activity acts as the region's system actor.
/// </summary>
public sealed record RegionRoleRequirement(string ForbiddenTextKey, IReadOnlyList<RegionRole> Roles)
{
    public bool IsMetBy(IRequestContext actor) => Roles.Any(actor.IsInRole);

    /// <summary>Refuses (403, in the caller's language) unless <paramref name="actor"/> holds one of the roles.</summary>
    public void Demand(IRequestContext actor, TextCatalog texts)
    {
        if (!IsMetBy(actor))
        {
            throw new ForbiddenException(texts[ForbiddenTextKey]);
        }
    }
}

public static class RoleRequirementExtensions
{
    /// <summary>Lets only people holding one of <paramref name="roles"/> in the region use the endpoint.</summary>
    public static TBuilder RequireRegionRoles<TBuilder>(this TBuilder builder, string forbiddenTextKey, params RegionRole[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireRegionRoles(new RegionRoleRequirement(forbiddenTextKey, roles));

    /// <summary>As above, with a requirement a module declares once and its pages check too.</summary>
    public static TBuilder RequireRegionRoles<TBuilder>(this TBuilder builder, RegionRoleRequirement requirement)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(requirement);

    /// <summary>
    /// Enforces the <see cref="RegionRoleRequirement"/> each endpoint of <paramref name="builder"/> declares. The Host puts it
    /// on the region API before request validation, so a person without the role learns nothing about the input rules.
    /// </summary>
    public static TBuilder AddRegionRoleChecks<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter((invocation, next) =>
        {
            if (invocation.HttpContext.GetEndpoint()?.Metadata.GetMetadata<RegionRoleRequirement>() is { } requirement)
            {
                var services = invocation.HttpContext.RequestServices;
                requirement.Demand(services.GetRequiredService<IRequestContext>(), services.GetRequiredService<TextCatalog>());
            }
            return next(invocation);
        });
}
