using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Rake.Host.Platform;

namespace Rake.Host.Api;

/// <summary>
/// Gate of every <c>/api/v1/platform</c> endpoint: a bearer token outlives its account's deactivation, so a deactivated
/// account is treated as signed out (401) here, as <see cref="RegionCatalog.ResolveAsync"/> does for the region API.
/// </summary>
internal sealed class PlatformEndpointFilter(PlatformDbContext db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && await db.Users.AnyAsync(u => u.Id == userId && u.DeactivatedAt != null, http.RequestAborted))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "This account is no longer in use.");
        }
        return await next(context);
    }
}
