using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;

namespace Rake.BuildingBlocks.Ui;

/// <summary>Tells the person why a region page is not shown: unknown region, or no role there for this page.</summary>
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
    }
}
