using System.Globalization;
using System.Text.Json.Nodes;
using FluentValidation;
using Rake.BuildingBlocks.Contracts;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Workflows.Features.Instances;

namespace Rake.Modules.Workflows.Features.Tasks;

internal enum TaskListSort { Due, Title, Role }

/// <summary>A page of "My tasks" (the grid's query): text in the title, one role, one sort column.</summary>
internal sealed record TaskPageQuery(string? Search, string? Role, int? Page, int? PageSize, string? Sort = null, bool? Descending = null);

/// <summary>
/// A row of the grid. <see cref="Page"/> is the region-relative page a module's page completes the task on (a phenomenon
/// report's stage page, docs/adr/0173); null for a task completed in "My tasks", whose title leads to its card.
/// </summary>
internal sealed record TaskListItem(Guid Id, string Title, string? Role, DateTimeOffset? DueAt, string? Page = null);

internal sealed class TaskPageQueryValidator : RequestValidator<TaskPageQuery>
{
    public const int MaxPage = 10_000;

    public TaskPageQueryValidator(TextCatalog texts) : base(texts)
    {
        OptionalText(q => q.Search, 200);
        EnumName<RegionRole>(q => q.Role, required: false);
        EnumName<TaskListSort>(q => q.Sort, required: false);
        Paging(q => q.Page, q => q.PageSize, MaxPage);
    }
}

/// <summary>
/// The "My tasks" grid's pages (docs/adr/0167). A person's open tasks are few (those of their roles in one region), and a
/// task's title lives in its workflow payload in several languages, so they are read as GET workflow-tasks reads them and
/// searched, sorted and paged here in the reader's language.
/// </summary>
internal sealed class TaskPageHandler(TasksHandler tasks)
{
    public async Task<PagedResult<TaskListItem>> PageAsync(TaskPageQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? 25;
        IEnumerable<TaskListItem> rows = (await tasks.MineAsync(ct))
            .Select(t => new TaskListItem(t.Id, TaskText(t, "title") ?? t.Name, t.Role, t.DueAt, FormPage(t)));
        if (query.Search?.Trim() is { Length: > 0 } text)
        {
            rows = rows.Where(t => t.Title.Contains(text, StringComparison.CurrentCultureIgnoreCase));
        }
        if (query.Role?.Trim() is { Length: > 0 } role)
        {
            rows = rows.Where(t => string.Equals(t.Role, role, StringComparison.OrdinalIgnoreCase));
        }
        var descending = query.Descending ?? false;
        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var sorted = Enum.TryParse<TaskListSort>(query.Sort, ignoreCase: true, out var by) ? by : TaskListSort.Due;
        // Tasks with no due date come last when the earliest due comes first.
        var ordered = sorted switch
        {
            TaskListSort.Title => descending ? rows.OrderByDescending(t => t.Title, comparer) : rows.OrderBy(t => t.Title, comparer),
            TaskListSort.Role => descending ? rows.OrderByDescending(t => t.Role, comparer) : rows.OrderBy(t => t.Role, comparer),
            _ => descending ? rows.OrderByDescending(t => t.DueAt ?? DateTimeOffset.MinValue)
                : rows.OrderBy(t => t.DueAt ?? DateTimeOffset.MaxValue),
        };
        var all = ordered.ThenBy(t => t.Id).ToList();
        return new PagedResult<TaskListItem>(all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), all.Count, page, pageSize);
    }

    /// <summary>
    /// The page of a task that only its module's page completes (payload <c>formKey</c>): the same page its card opens. Only a path
    /// inside the region counts, as on the card; any other task keeps its card.
    /// </summary>
    internal static string? FormPage(BookmarkDto task) =>
        task.Payload is JsonObject payload && Value(payload[WorkflowFormTasksApi.FormKey]) is not null
            && Value(payload["form"]) is { } form && !form.Contains("//", StringComparison.Ordinal)
            ? form
            : null;

    /// <summary>The text in the reader's language when the workflow gave one (<c>titles.sv</c>), else as written.</summary>
    internal static string? TaskText(BookmarkDto task, string key) =>
        task.Payload is JsonObject payload
            ? (payload[key + "s"] is JsonObject versions ? Value(versions[CultureInfo.CurrentUICulture.TwoLetterISOLanguageName]) : null)
                ?? Value(payload[key])
            : null;

    private static string? Value(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
