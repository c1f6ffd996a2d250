using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;

namespace Rake.Host.Api;

/// <summary>
/// Gate of every <c>/api/v1/regions/{region}</c> endpoint: an unknown region is 404, a region where the caller
/// holds no role is 403, and otherwise the scope's request context is set before any module code runs.
/// </summary>
internal sealed class RegionEndpointFilter(IRegionAccess regions, RequestContext requestContext) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var code = http.GetRouteValue("region") as string ?? "";
        var access = await regions.ResolveAsync(http.User, code, http.RequestAborted);
        switch (access.Outcome)
        {
            case RegionAccessOutcome.UnknownRegion:
                throw new NotFoundException($"There is no region '{code}'. GET /api/v1/regions lists the regions.");
            case RegionAccessOutcome.NotSignedIn:
                return Results.Problem(statusCode: 401, title: "Sign-in required",
                    detail: "Send a bearer token from POST /api/v1/auth/token, or sign in to the staff UI.");
            case RegionAccessOutcome.NoRoleInRegion:
                throw new ForbiddenException($"You hold no role in region '{code}'.");
        }
        access.ApplyTo(requestContext);
        return await next(context);
    }
}
