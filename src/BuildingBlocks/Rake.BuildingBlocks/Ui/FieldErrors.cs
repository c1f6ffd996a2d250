using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Rake.BuildingBlocks.Ui;

/// <summary>The error message(s) of one field, with the id its input's aria-describedby points at.</summary>
public sealed class FieldErrors : ComponentBase
{
    [Parameter, EditorRequired] public string Field { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (!Errors.TryGetValue(Field, out var messages))
        {
            return;
        }
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "id", $"{Field}-error");
        builder.AddAttribute(2, "class", "rake-field-error");
        builder.AddContent(3, string.Join(" ", messages));
        builder.CloseElement();
    }
}

/// <summary>
/// The summary at the top of a refused form: a heading, the reason, and a link to each field with a problem
/// (the pattern recommended for accessible forms: the person sees every problem at once and can jump to it).
/// </summary>
public sealed class ErrorSummary : ComponentBase
{
    [Parameter] public string Title { get; set; } = "";
    [Parameter] public string? Detail { get; set; }
    [Parameter, EditorRequired] public IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();
    [Parameter] public IReadOnlyDictionary<string, string> Labels { get; set; } = new Dictionary<string, string>();

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Errors.Count == 0 && Detail is null)
        {
            return;
        }
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "rake-problem");
        builder.AddAttribute(2, "role", "alert");
        builder.AddAttribute(3, "id", "error-summary");
        builder.OpenElement(4, "h2");
        builder.AddContent(5, Title);
        builder.CloseElement();
        if (Detail is not null)
        {
            builder.OpenElement(6, "p");
            builder.AddContent(7, Detail);
            builder.CloseElement();
        }
        builder.OpenElement(8, "ul");
        foreach (var (field, messages) in Errors)
        {
            builder.OpenElement(9, "li");
            builder.OpenElement(10, "a");
            builder.AddAttribute(11, "href", $"#{field}");
            builder.AddContent(12, $"{Labels.GetValueOrDefault(field, field)}: {string.Join(" ", messages)}");
            builder.CloseElement();
            builder.CloseElement();
        }
        builder.CloseElement();
        builder.CloseElement();
    }
}
