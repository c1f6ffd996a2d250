using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Reporting.Workflows;

/// <summary>
/// The designer's dropdown for a report category: the region's active categories, stored as the code (what reports carry
/// and what <see cref="CompilePeriodSummary"/> filters by), shown by name in the designer's language (docs/adr/0183).
/// </summary>
internal sealed class CategoryOptions : IInputOptionsProvider
{
    public ValueTask<IReadOnlyList<InputOption>> GetOptionsAsync(IServiceProvider regionScope, CancellationToken cancellationToken) =>
        ReportTermOptions.OfAsync(regionScope, TermKind.Category, cancellationToken);
}

/// <summary>The designer's dropdown for a service area: the region's active service areas, as <see cref="CategoryOptions"/>.</summary>
internal sealed class ServiceAreaOptions : IInputOptionsProvider
{
    public ValueTask<IReadOnlyList<InputOption>> GetOptionsAsync(IServiceProvider regionScope, CancellationToken cancellationToken) =>
        ReportTermOptions.OfAsync(regionScope, TermKind.ServiceArea, cancellationToken);
}

internal static class ReportTermOptions
{
    /// <summary>
    /// An empty choice first ("all": the input is optional and the Studio's dropdown has no other way back to nothing), then
    /// the region's active terms of <paramref name="kind"/> by name. Read through the region-scoped DbContext, so another
    /// region's terms are never offered.
    /// </summary>
    public static async ValueTask<IReadOnlyList<InputOption>> OfAsync(IServiceProvider regionScope, TermKind kind, CancellationToken ct)
    {
        var language = TextCatalog.CurrentLanguage;
        var texts = regionScope.GetRequiredService<TextCatalog>();
        var terms = await regionScope.GetRequiredService<ReportingDbContext>().Terms.AsNoTracking()
            .Where(t => t.Kind == kind && t.Active).ToListAsync(ct);
        var byName = StringComparer.Create(CultureInfo.GetCultureInfo(language), ignoreCase: true);
        return terms.OrderBy(t => t.Name(language), byName).ThenBy(t => t.Code, StringComparer.Ordinal)
            .Select(t => new InputOption(t.Code, t.Name(language)))
            .Prepend(new InputOption("", texts["reporting.workflowOptions.all"]))
            .ToList();
    }
}
