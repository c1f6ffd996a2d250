using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Modules;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows;
using Rake.Modules.Workflows.Contracts;

namespace Rake.Host.Designer;

/// <summary>
/// The workflow designer: Elsa Studio's custom elements on a Rake page under <c>/{region}/designer/</c>, the Studio
/// bundle beside it, and the Elsa-compatible API under <c>/elsa/api</c> (docs/adr/0010). Only the region's
/// RegionAdmins get the pages and the API.
/// </summary>
internal static class DesignerEndpoints
{
    public static void MapDesigner(this IEndpointRouteBuilder app, IReadOnlyList<IModule> modules)
    {
        var elsaApi = app.MapGroup("/elsa/api").AddEndpointFilter<ElsaTenantFilter>().AddRegionRoleChecks();
        modules.OfType<WorkflowsModule>().Single().MapElsaApi(elsaApi);

        // The Studio asks for these relative to the page; any region serves the same bundle.
        app.MapGet("/{region}/designer/_framework/{**path}", (string path, HttpContext http, DesignerAssets assets) =>
            assets.ServeAsync(http, "_framework/" + path)).ExcludeFromDescription();
        app.MapGet("/{region}/designer/_content/{**path}", (string path, HttpContext http, DesignerAssets assets) =>
            assets.ServeAsync(http, "_content/" + path)).ExcludeFromDescription();
        app.MapGet("/{region}/designer/Elsa.Studio.Host.CustomElements.styles.css", (HttpContext http, DesignerAssets assets) =>
            assets.ServeAsync(http, "Elsa.Studio.Host.CustomElements.styles.css")).ExcludeFromDescription();
        // The shipped appsettings.json points at https://localhost:5001; the elements' remote-endpoint decides, this only keeps it local.
        app.MapGet("/{region}/designer/appsettings.json", (HttpContext http) =>
            Results.Json(new { Backend = new { Url = $"{http.Request.Scheme}://{http.Request.Host}/elsa/api" } })).ExcludeFromDescription();

        app.MapGet("/{region}/designer", (string region, HttpContext http, CancellationToken ct) =>
            PageAsync(http, region, null, null, ct)).ExcludeFromDescription();
        // The Studio's own instance screens (list, and the viewer with the journal) against the engine's instances.
        app.MapGet("/{region}/designer/instances", (string region, HttpContext http, CancellationToken ct) =>
            AsRegionAdminAsync(http, region,
                _ => Task.FromResult<IResult>(Page(http, region, DesignerView.Instances, null, null, 200)), ct))
            .ExcludeFromDescription();
        app.MapGet("/{region}/designer/instances/{instanceId}", InstancePageAsync).ExcludeFromDescription();
        app.MapGet("/{region}/designer/{definitionId}", (string region, string definitionId, HttpContext http, CancellationToken ct) =>
            PageAsync(http, region, definitionId, null, ct)).ExcludeFromDescription();
        app.MapGet("/{region}/designer/{definitionId}/export", ExportAsync).ExcludeFromDescription();
        app.MapPost("/{region}/designer/import", ImportAsync).ExcludeFromDescription();
    }

    private static Task<IResult> PageAsync(HttpContext http, string region, string? definitionId, string? error, CancellationToken ct) =>
        AsRegionAdminAsync(http, region, services => PageInScopeAsync(http, services, region, definitionId, error, ct), ct);

    private static async Task<IResult> PageInScopeAsync(
        HttpContext http, IServiceProvider services, string region, string? definitionId, string? error, CancellationToken ct)
    {
        if (definitionId is not null && !await services.GetRequiredService<IWorkflowDesignerApi>().DefinitionExistsAsync(definitionId, ct))
        {
            return Page(http, region, DesignerView.NotFound, definitionId, null, 404);
        }
        return Page(
            http, region, definitionId is null ? DesignerView.List : DesignerView.Editor, definitionId, error, error is null ? 200 : 400);
    }

    private static Task<IResult> InstancePageAsync(string region, string instanceId, HttpContext http, CancellationToken ct) =>
        AsRegionAdminAsync(http, region, async services =>
            await services.GetRequiredService<IWorkflowDesignerApi>().InstanceExistsAsync(instanceId, ct)
                ? Page(http, region, DesignerView.Instance, instanceId, null, 200)
                : Page(http, region, DesignerView.InstanceNotFound, instanceId, null, 404), ct);

    private static Task<IResult> ExportAsync(string region, string definitionId, HttpContext http, CancellationToken ct) =>
        AsRegionAdminAsync(http, region, async services =>
        {
            var api = services.GetRequiredService<IWorkflowDesignerApi>();
            if (!await api.DefinitionExistsAsync(definitionId, ct))
            {
                return Page(http, region, DesignerView.NotFound, definitionId, null, 404);
            }
            var file = await api.ExportAsync(definitionId, ct);
            return Rake.BuildingBlocks.Export.FileDownload.File(System.Text.Encoding.UTF8.GetBytes(file.Json), "application/json",
                file.FileName);
        }, ct);

    private static Task<IResult> ImportAsync(string region, [FromForm] IFormFile? file, HttpContext http, CancellationToken ct) =>
        AsRegionAdminAsync(http, region, async services =>
        {
            var texts = http.RequestServices.GetRequiredService<Rake.BuildingBlocks.Localization.TextCatalog>();
            if (file is null || file.Length == 0)
            {
                return await PageInScopeAsync(http, services, region, null, texts["designer.import.missing"], ct);
            }
            if (file.Length > 2_000_000)
            {
                return await PageInScopeAsync(http, services, region, null, texts["designer.import.tooLarge"], ct);
            }
            using var reader = new StreamReader(file.OpenReadStream());
            var json = await reader.ReadToEndAsync(ct);
            try
            {
                var definitionId = await services.GetRequiredService<IWorkflowDesignerApi>().ImportAsync(json, ct);
                return Results.Redirect($"/{region}/designer/{Uri.EscapeDataString(definitionId)}");
            }
            catch (ValidationException ex)
            {
                return await PageInScopeAsync(http, services, region, null, string.Join(" ", ex.Errors.SelectMany(e => e.Value)), ct);
            }
        }, ct);

    /// <summary>The same gate as the API: unknown region 404, sign-in redirect, RegionAdmin of this region or 403; then a
    /// scope acting in the region.</summary>
    private static async Task<IResult> AsRegionAdminAsync(
        HttpContext http, string region, Func<IServiceProvider, Task<IResult>> action, CancellationToken ct)
    {
        var regions = http.RequestServices.GetRequiredService<IRegionAccess>();
        var access = await regions.ResolveAsync(http.User, region, ct);
        switch (access.Outcome)
        {
            case RegionAccessOutcome.UnknownRegion:
                return Page(http, region, DesignerView.NotFound, null, null, 404);
            case RegionAccessOutcome.NotSignedIn:
                return Results.Redirect($"/login?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
        }
        if (!access.Roles.Contains(RegionRole.RegionAdmin))
        {
            return Page(http, region, DesignerView.Forbidden, null, null, 403);
        }
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        access.ApplyTo(scope.ServiceProvider.GetRequiredService<RequestContext>());
        return await action(scope.ServiceProvider);
    }

    private static RazorComponentResult<DesignerDocument> Page(
        HttpContext http, string region, DesignerView view, string? definitionId, string? error, int status) =>
        new(new Dictionary<string, object?>
        {
            [nameof(DesignerDocument.Region)] = region,
            [nameof(DesignerDocument.View)] = view,
            [nameof(DesignerDocument.DefinitionId)] = definitionId,
            [nameof(DesignerDocument.Error)] = error,
            [nameof(DesignerDocument.Origin)] = $"{http.Request.Scheme}://{http.Request.Host}",
        })
        {
            StatusCode = status,
        };
}

public enum DesignerView
{
    List,
    Editor,
    Forbidden,
    NotFound,
    Instances,
    Instance,
    InstanceNotFound,
}
