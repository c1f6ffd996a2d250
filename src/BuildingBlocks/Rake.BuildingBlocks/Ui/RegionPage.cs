using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;

namespace Rake.BuildingBlocks.Ui;

/// <summary>
/// Base of every staff page under <c>/{region}/…</c>. It resolves the region and the person's roles there through the same
/// gate as the API, and runs each operation in a fresh DI scope whose request context carries that region and person —
/// a Blazor circuit lives long, so pages never hold a DbContext themselves.
/// </summary>
public abstract class RegionPage : ComponentBase
{
    /// <summary>Set on the request when the page's region does not exist, so the not-found page says so.</summary>
    public const string UnknownRegionItem = "Rake.UnknownRegion";

    [Parameter] public string Region { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The request: pages render on the server and read their posted forms from it (docs/adr/0004).</summary>
    [CascadingParameter] protected Microsoft.AspNetCore.Http.HttpContext? HttpContext { get; set; }

    [Inject] protected IRegionAccess Regions { get; set; } = default!;
    [Inject] protected IServiceScopeFactory Scopes { get; set; } = default!;
    [Inject] protected TextCatalog T { get; set; } = default!;
    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected RegionAccess? Access { get; private set; }

    protected RegionInfo? RegionInfo => Regions.Find(Region);

    /// <summary>Roles of which the person needs at least one; empty means any role in the region.</summary>
    protected virtual IReadOnlyCollection<RegionRole> RequiredRoles => [];

    protected bool Allowed => Access is { Granted: true } && (RequiredRoles.Count == 0 || RequiredRoles.Any(Access.Roles.Contains));

    protected bool Has(RegionRole role) => Access?.Roles.Contains(role) == true;

    protected override async Task OnParametersSetAsync()
    {
        var state = AuthenticationState is null ? null : await AuthenticationState;
        Access = await Regions.ResolveAsync(state?.User ?? new(), Region, CancellationToken.None);
        if (Access.Outcome == RegionAccessOutcome.NotSignedIn)
        {
            Navigation.NavigateTo(
                $"/login?returnUrl={Uri.EscapeDataString(Navigation.ToBaseRelativePath(Navigation.Uri).Insert(0, "/"))}", forceLoad: true);
            return;
        }
        if (Allowed)
        {
            await OnRegionReadyAsync();
        }
        else if (Access.Outcome == RegionAccessOutcome.UnknownRegion)
        {
            // The router's not-found page, with a 404 (a path such as /metrics is no region either); it says which.
            if (HttpContext is not null)
            {
                HttpContext.Items[UnknownRegionItem] = true;
            }
            Navigation.NotFound();
        }
        else if (HttpContext is { Response.HasStarted: false } http)
        {
            // The page still explains why (AccessProblem); the status says it to browsers and monitors too.
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }

    /// <summary>Loads the page's data once the region and the person's roles are known and allowed.</summary>
    protected virtual Task OnRegionReadyAsync() => Task.CompletedTask;

    /// <summary>Runs one operation as this person in this region, in its own scope.</summary>
    protected async Task<TResult> InRegionAsync<TService, TResult>(Func<TService, Task<TResult>> operation)
        where TService : notnull
    {
        await using var scope = Scopes.CreateAsyncScope();
        Access!.ApplyTo(scope.ServiceProvider.GetRequiredService<RequestContext>());
        return await operation(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>
    /// Runs a use case as this person in this region exactly as its endpoint does: the role requirement the endpoint
    /// declares, then the request's validators, then the handler. A refusal arrives as the same exception the API answers with.
    /// </summary>
    protected async Task<TResult> SendAsync<THandler, TRequest, TResult>(
        RegionRoleRequirement? roles, TRequest request, Func<THandler, TRequest, Task<TResult>> operation)
        where THandler : notnull
        where TRequest : notnull
    {
        await using var scope = Scopes.CreateAsyncScope();
        var actor = scope.ServiceProvider.GetRequiredService<RequestContext>();
        Access!.ApplyTo(actor);
        roles?.Demand(actor, T);
        await scope.ServiceProvider.GetRequiredService<RequestChecks>().ThrowIfInvalidAsync(request, CancellationToken.None);
        return await operation(scope.ServiceProvider.GetRequiredService<THandler>(), request);
    }

    protected string Href(string path) => $"/{Region}/{path.TrimStart('/')}";

    /// <summary>Field errors of the last posted form, keyed by field name, as the API reports them.</summary>
    protected IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    protected bool IsPost => HttpMethods.IsPost(HttpContext?.Request.Method ?? "");

    protected string? Form(string name) =>
        HttpContext?.Request.HasFormContentType == true && HttpContext.Request.Form.TryGetValue(name, out var value)
            ? value.ToString()
            : null;

    protected IReadOnlyList<string> FormValues(string name) =>
        HttpContext?.Request.HasFormContentType == true
            ? HttpContext.Request.Form[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList()
            : [];

    protected string? Query(string name) => HttpContext?.Request.Query.TryGetValue(name, out var value) == true ? value.ToString() : null;

    /// <summary>
    /// The @key of an interactive list that takes its filter from the query parameters <paramref name="names"/>. A filter
    /// sent by an enhanced GET form patches the page in place (docs/adr/0004), and Blazor would hand a running island with the
    /// same key the new filter as parameters, which a grid that already loaded its rows does not reload on: a key that
    /// changes with the filter makes Blazor replace the island with one rendered for the new filter, from its first page.
    /// </summary>
    protected string FilterKey(params string[] names) => string.Join('\n', names.Select(n => Query(n) ?? ""));

    /// <summary>Marks an input invalid and ties it to its error message for screen readers.</summary>
    protected IReadOnlyDictionary<string, object> FieldAttributes(string field, string? describedBy = null)
    {
        var attributes = new Dictionary<string, object> { ["id"] = field, ["name"] = field };
        var ids = new List<string>();
        if (describedBy is not null)
        {
            ids.Add(describedBy);
        }
        if (Errors.ContainsKey(field))
        {
            attributes["aria-invalid"] = "true";
            ids.Add($"{field}-error");
        }
        if (ids.Count > 0)
        {
            attributes["aria-describedby"] = string.Join(' ', ids);
        }
        return attributes;
    }
}
