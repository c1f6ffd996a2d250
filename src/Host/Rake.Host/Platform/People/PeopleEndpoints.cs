using Rake.BuildingBlocks.Web;

namespace Rake.Host.Platform.People;

/// <summary>People and roles of a region in the region API; every operation needs RegionAdmin there (docs/adr/0099).</summary>
internal static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this IEndpointRouteBuilder regionApi)
    {
        var people = regionApi.MapGroup("/people").RequireRegionRoles(PeopleRoles.Admin).WithTags("People");
        people.MapGet("", (PeopleHandler handler, [AsParameters] PeopleQuery query, CancellationToken ct) =>
                handler.SearchAsync(query, ct))
            .WithSummary(
                "Find the region's people by name, user name, e-mail or role (paged); an exact user name or e-mail finds any account.");
        people.MapGet("/{userId:guid}", (Guid userId, PeopleHandler handler, CancellationToken ct) => handler.GetAsync(userId, ct))
            .WithSummary("A person's roles in this region, their open items and the history of their rights here.");
        people.MapPost("/{userId:guid}/roles", (Guid userId, RoleRequest request, PeopleHandler handler, CancellationToken ct) =>
                handler.GrantRoleAsync(userId, request, ct))
            .WithSummary("Give the person a role in this region (409 when they hold it already or the account is deactivated).");
        people.MapDelete("/{userId:guid}/roles/{role}", ([AsParameters] RoleRoute route, PeopleHandler handler, CancellationToken ct) =>
                handler.RevokeRoleAsync(route, ct))
            .WithSummary("Remove a role in this region (409 when it is the region's last administrator).");
        people.MapPost("/{userId:guid}/deactivation", (Guid userId, PeopleHandler handler, CancellationToken ct) =>
                handler.DeactivateAsync(userId, ct))
            .WithSummary("A leaver: removes every role here; the account goes out of use when no role remains in any region.");
        people.MapDelete("/{userId:guid}/deactivation", (Guid userId, PeopleHandler handler, CancellationToken ct) =>
                handler.ReactivateAsync(userId, ct))
            .WithSummary("Take a deactivated account back into use (its roles are given again one by one).");
        people.MapPost("/{userId:guid}/hand-over", (Guid userId, HandOverRequest request, PeopleHandler handler, CancellationToken ct) =>
                handler.HandOverAsync(userId, request, ct))
            .WithSummary("Hand the person's open items in this region (all, or those listed in itemIds) to another active person here.");
    }
}
