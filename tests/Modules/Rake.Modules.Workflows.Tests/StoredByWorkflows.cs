using Microsoft.EntityFrameworkCore;
using Rake.Modules.Communications.Persistence;
using Rake.Modules.Competence.Domain;
using Rake.Modules.Competence.Persistence;
using Rake.Modules.Planning.Domain;
using Rake.Modules.Planning.Persistence;
using Rake.Modules.WorkingGroup.Persistence;

namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// What the activities of a simulated year stored in the modules' tables, one line per row, read back through the modules'
/// own region-scoped DbContexts. Only rows whose source key names one of the runs count, so the demo content stays out.
/// </summary>
internal static class StoredByWorkflows
{
    public static async Task<List<string>> ReadAsync(ModuleServices modules, string region, IReadOnlyCollection<string> instanceIds)
    {
        bool Ours(string? sourceKey) => sourceKey is not null && instanceIds.Any(id => sourceKey.Contains(id, StringComparison.Ordinal));
        var lines = new List<string>();
        lines.AddRange((await modules.ReadAsync<PlanningDbContext, List<PlanEvaluation>>(region,
                db => db.Evaluations.AsNoTracking().ToListAsync()))
            .Where(e => Ours(e.SourceKey))
            .Select(e => $"Evaluation {e.Year} {e.Kind}: {e.ActionsDone}/{e.ActionsTotal} done, needs update {e.NeedsUpdate}"));
        lines.AddRange((await modules.ReadAsync<CompetenceDbContext, List<Survey>>(region, db => db.Surveys.AsNoTracking().ToListAsync()))
            .Where(s => Ours(s.SourceKey))
            .Select(s => $"Survey round {s.Round} {s.Status}: {s.Title}"));
        lines.AddRange(await modules.ReadAsync<CommunicationsDbContext, List<string>>(region, async db =>
        {
            var publications = await db.Publications.AsNoTracking().ToListAsync();
            var mails = (await db.Deliveries.AsNoTracking().ToListAsync()).Where(d => Ours(d.SourceKey));
            var sessions = (await db.InfoSessions.AsNoTracking().ToListAsync()).Where(s => Ours(s.SourceKey));
            return
            [
                .. publications.Where(p => Ours(p.SourceKey)).Select(p => $"Publication {p.Kind} {p.Channel} {p.Status}: {p.Title}"),
                .. mails.GroupBy(m => m.Subject).Select(g => $"Mail to {g.Count()}: {g.Key}"),
                .. sessions.Select(s => $"Info session {s.Kind} {Day(s.StartsAt)}: {s.Title}"),
            ];
        }));
        lines.AddRange(await modules.ReadAsync<WorkingGroupDbContext, List<string>>(region, async db =>
        {
            var meetings = (await db.Meetings.AsNoTracking().ToListAsync()).Where(m => Ours(m.SourceKey));
            var decisions = (await db.Decisions.AsNoTracking().ToListAsync()).Where(d => Ours(d.SourceKey));
            var items = (await db.AgendaItems.AsNoTracking().ToListAsync()).Where(i => Ours(i.SourceKey));
            return
            [
                .. meetings.Select(m => $"Meeting {Day(m.StartsAt)}: {m.Title}"),
                .. items.Select(i => $"Agenda item {i.Kind}: {i.Title}"),
                .. decisions.Select(d => $"Decision {d.Outcome} ({d.Numbers().Count} reports): {d.Phenomenon}"),
            ];
        }));
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, RakeWorkflows.Helsinki).ToString("yyyy-MM-dd",
        System.Globalization.CultureInfo.InvariantCulture);
}
