using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;

namespace Rake.Host.Designer;

/// <summary>
/// Gate of <c>/elsa/api</c>: the region is the Studio's tenant, sent as <c>X-Tenant-Id</c> by the custom elements'
/// <c>tenant-id</c> attribute. Unknown region 404, not signed in 401 (then the role the Elsa API declares: 403 without
/// it); the scope acts in that
/// region, so another region's definitions are simply not found. Requiring the header on every call also means a
/// cross-site form cannot reach these cookie-authenticated endpoints (a custom header needs a CORS preflight).
/// </summary>
internal sealed class ElsaTenantFilter(IRegionAccess regions, RequestContext requestContext) : IEndpointFilter
{
    public const string TenantHeader = "X-Tenant-Id";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var code = http.Request.Headers[TenantHeader].ToString().Trim();
        if (code.Length == 0)
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                [TenantHeader] = ["Send the region code as the X-Tenant-Id header (the Studio's tenant-id attribute)."],
            });
        }
        var access = await regions.ResolveAsync(http.User, code, http.RequestAborted);
        switch (access.Outcome)
        {
            case RegionAccessOutcome.UnknownRegion:
                throw new NotFoundException($"There is no region '{code}'.");
            case RegionAccessOutcome.NotSignedIn:
                return Results.Problem(
                    statusCode: 401, title: "Sign-in required", detail: "Sign in to Rake and open the designer from the region's menu.");
            case RegionAccessOutcome.NoRoleInRegion:
                throw new ForbiddenException($"You hold no role in region '{code}'.");
        }
        access.ApplyTo(requestContext);
        return await next(context);
    }
}
