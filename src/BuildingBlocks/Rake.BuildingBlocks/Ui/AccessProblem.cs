using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;

namespace Rake.BuildingBlocks.Ui;

/// <summary>
/// Tells the person why a region page is not shown — unknown region, or no role there for this page — and gives a way
/// back: the region's home when they work in that region, otherwise the front page that lists their regions.
/// </summary>
public sealed class AccessProblem : ComponentBase
{
    [Parameter] public RegionAccess? Access { get; set; }

    [Inject] private TextCatalog T { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Access is null || Access.Outcome == RegionAccessOutcome.NotSignedIn)
        {
            return;
        }
        var (title, body) = Access.Outcome == RegionAccessOutcome.UnknownRegion
            ? (T["access.unknownRegion.title"], T["access.unknownRegion.body"])
            : (T["access.denied.title"], T["access.denied.body"]);
        var (href, back) = Access is { Granted: true, Region: { } region }
            ? ($"/{region.Code}", T["access.back.regionHome"])
            : ("/", T["access.back.frontPage"]);
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "role", "alert");
        builder.AddAttribute(2, "class", "rake-problem");
        builder.OpenElement(3, "h1");
        builder.AddContent(4, title);
        builder.CloseElement();
        builder.OpenElement(5, "p");
        builder.AddContent(6, body);
        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(7, "p");
        builder.OpenElement(8, "a");
        builder.AddAttribute(9, "href", href);
        builder.AddAttribute(10, "class", "rake-back-link");
        builder.AddContent(11, back);
        builder.CloseElement();
        builder.CloseElement();
    }
}
