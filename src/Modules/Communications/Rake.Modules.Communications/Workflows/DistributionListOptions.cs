using Microsoft.Extensions.DependencyInjection;
using Rake.Modules.Communications.Features.ListDistributionLists;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.Communications.Workflows;

/// <summary>
/// The designer's dropdown for <see cref="SendToDistributionList"/>'s <c>list</c> input: the region's distribution lists by
/// name, which is what a definition stores and what the activity looks the list up by (docs/adr/0183).
/// </summary>
internal sealed class DistributionListOptions : IInputOptionsProvider
{
    public async ValueTask<IReadOnlyList<InputOption>> GetOptionsAsync(IServiceProvider regionScope, CancellationToken cancellationToken)
    {
        var lists = await regionScope.GetRequiredService<ListDistributionListsHandler>().HandleAsync(cancellationToken);
        return lists.Select(l => new InputOption(l.Name)).ToList();
    }
}
