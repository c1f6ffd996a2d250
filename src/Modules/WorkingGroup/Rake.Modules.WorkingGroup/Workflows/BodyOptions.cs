using Microsoft.Extensions.DependencyInjection;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.WorkingGroup.Workflows;

/// <summary>
/// The designer's dropdown for a working-group activity's <c>body</c> input: the kinds of body the region has (the value
/// stays the kind, which the region's workflow files use and which finds the region's first body of that kind), then each
/// of the region's bodies by name. Both are what <see cref="WorkingGroupRun.FindBodyAsync"/> accepts (docs/adr/0183).
/// </summary>
internal sealed class BodyOptions : IInputOptionsProvider
{
    public async ValueTask<IReadOnlyList<InputOption>> GetOptionsAsync(IServiceProvider regionScope, CancellationToken cancellationToken)
    {
        var db = regionScope.GetRequiredService<WorkingGroupDbContext>();
        var texts = regionScope.GetRequiredService<TextCatalog>();
        var bodies = await db.Bodies.AsNoTracking().Select(b => new { b.Kind, b.Name }).ToListAsync(cancellationToken);
        var options = bodies.Select(b => b.Kind).Distinct().Order()
            .Select(kind => new InputOption(kind.ToString(), texts.Get("wg.options.firstOfKind", texts[$"wg.kind.{kind}"])))
            .ToList();
        options.AddRange(bodies.Select(b => b.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture)
            .Select(name => new InputOption(name)));
        return options;
    }
}
