using Rake.Modules.Workflows.Contracts;

namespace Rake.Modules.WorkingGroup.Features.ViewMeeting;

/// <summary>
/// A meeting's title and agenda in the reader's language (docs/adr/0130). Rows keep the Finnish text they were written
/// with; the standard items are read from the text catalog, and what a workflow run wrote is read from the language
/// version its definition gives (<c>titleSv</c>, <c>titleEn</c>) through the Workflows facade, so no row stores a
/// translation and a definition without one shows the Finnish text as before.
/// </summary>
internal static class MeetingTexts
{
    private static readonly Dictionary<AgendaItemKind, string> StandardItems = new()
    {
        [AgendaItemKind.Reports] = "wg.agenda.reports",
        [AgendaItemKind.CurrentMatters] = "wg.agenda.currentMatters",
    };

    public static async Task<(MeetingSummaryDto Meeting, List<AgendaItemDto> Agenda)> LocaliseAsync(
        Meeting meeting, MeetingSummaryDto summary, IReadOnlyList<AgendaItem> items, IReadOnlyList<AgendaItemDto> agenda,
        TextCatalog texts, IEnumerable<IWorkflowTextsApi> workflows, CancellationToken ct)
    {
        var language = TextCatalog.CurrentLanguage;
        var localised = agenda.ToList();
        if (language == "fi")
        {
            return (summary, localised);
        }
        var keys = items.Select(i => i.SourceKey).Append(meeting.SourceKey).OfType<string>().ToList();
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var api in keys.Count == 0 ? Enumerable.Empty<IWorkflowTextsApi>() : workflows)
        {
            foreach (var (key, text) in await api.TextsAsync(keys, "title", language, ct))
            {
                written[key] = text;
            }
        }
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.SourceKey is { } key && written.TryGetValue(key, out var text))
            {
                localised[i] = localised[i] with { Title = text };
            }
            else if (StandardItems.TryGetValue(item.Kind, out var textKey) && item.Title == texts.GetIn("fi", textKey))
            {
                // A standard item someone renamed keeps the name they gave it.
                localised[i] = localised[i] with { Title = texts.GetIn(language, textKey) };
            }
        }
        return (meeting.SourceKey is { } own && written.TryGetValue(own, out var title) ? summary with { Title = title } : summary,
            localised);
    }
}
