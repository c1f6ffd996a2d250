using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Communications.Domain;
using Rake.Modules.Communications.Persistence;
using Rake.Modules.Reporting.Contracts;

namespace Rake.Modules.Communications.Features.Plan;

internal sealed record PlanRowDto(string TargetGroup, IReadOnlyList<string> Goals, IReadOnlyList<string> Channels);

internal sealed record PlanRequest(IReadOnlyList<PlanRowDto>? Rows);

internal sealed record PlannedRequest(string? What, string? Audience, string? CoreMessage, string? Channel, string? Timing, string? Responsible, string? SourceDecision);

internal sealed record PlannedDto(Guid Id, string What, string? Audience, string? CoreMessage, string? Channel, string? Timing, string? Responsible,
    string Status, int? SourceReportNumber, string? SourceDecision, DateTimeOffset CreatedAt);

internal sealed record PlannedStatusRequest(string? Status);

internal static class PlanEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/communication-plan", (PlanHandler h, CancellationToken ct) => h.PlanAsync(ct))
            .WithTags("Communication plan").WithSummary("The region's communication plan: target groups × goals × channels.");
        api.MapPut("/communication-plan", (PlanRequest r, PlanHandler h, CancellationToken ct) => h.SavePlanAsync(r, ct))
            .WithTags("Communication plan").WithSummary("Replace the communication plan's rows.");
        var g = api.MapGroup("/planned-communications").WithTags("Communication plan");
        g.MapGet("", (PlanHandler h, CancellationToken ct) => h.PlannedAsync(ct)).WithSummary("Planned communications: what, to whom, core message, channel, timing, who, status.");
        g.MapPost("", async (PlannedRequest r, PlanHandler h, HttpContext http, CancellationToken ct) =>
        {
            var created = await h.AddPlannedAsync(r, ct);
            return Results.Created($"{http.Request.Path}/{created.Id}", created);
        }).WithSummary("Plan a communication, e.g. from a decision.");
        g.MapPost("/import-from-reports", (PlanHandler h, CancellationToken ct) => h.ImportFromReportsAsync(ct))
            .WithSummary("Take the communications planned in supervisors' processing records (fields 2–7); each report once.");
        g.MapPost("/{id:guid}/status", (Guid id, PlannedStatusRequest r, PlanHandler h, CancellationToken ct) => h.SetStatusAsync(id, r, ct))
            .WithSummary("Mark a planned communication Planned, Done or Cancelled.");
    }
}

internal sealed class PlanHandler(CommunicationsDbContext db, IRequestContext actor, TextCatalog texts, TimeProvider clock, IReportingApi reporting)
{
    public const int MaxRows = 50;

    public async Task<IReadOnlyList<PlanRowDto>> PlanAsync(CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.read"], CommRoles.Readers);
        var rows = await db.PlanRows.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.SortOrder).Select(r => new PlanRowDto(r.TargetGroup, Lines(r.Goals), Lines(r.Channels))).ToList();
    }

    public async Task<IReadOnlyList<PlanRowDto>> SavePlanAsync(PlanRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.edit"], CommRoles.Editors);
        var errors = new ValidationErrors(texts);
        var rows = request.Rows ?? [];
        if (rows.Count > MaxRows)
        {
            errors.AddText("rows", "validation.tooLong", MaxRows, rows.Count);
        }
        var entities = new List<PlanRow>();
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var group = errors.Text($"rows[{i}].targetGroup", row.TargetGroup, PlanRow.TargetGroupMax);
            var goals = errors.Text($"rows[{i}].goals", string.Join('\n', (row.Goals ?? []).Select(g => g?.Trim()).Where(g => !string.IsNullOrEmpty(g))), PlanRow.TextMax);
            var channels = errors.Text($"rows[{i}].channels", string.Join('\n', (row.Channels ?? []).Select(c => c?.Trim()).Where(c => !string.IsNullOrEmpty(c))), PlanRow.TextMax);
            entities.Add(new PlanRow { Id = Guid.CreateVersion7(), SortOrder = i, TargetGroup = group ?? "", Goals = goals ?? "", Channels = channels ?? "" });
        }
        errors.ThrowIfAny();
        db.PlanRows.RemoveRange(await db.PlanRows.ToListAsync(ct));
        db.PlanRows.AddRange(entities);
        await db.SaveChangesAsync(ct);
        return await PlanAsync(ct);
    }

    public async Task<IReadOnlyList<PlannedDto>> PlannedAsync(CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.read"], CommRoles.Readers);
        var rows = await db.Planned.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(p => p.Status).ThenByDescending(p => p.CreatedAt).Select(ToDto).ToList();
    }

    public async Task<PlannedDto> AddPlannedAsync(PlannedRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.edit"], CommRoles.Editors);
        var errors = new ValidationErrors(texts);
        var planned = new PlannedCommunication
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            CreatedAt = clock.GetUtcNow(),
            Status = PlannedStatus.Planned,
            What = errors.Text("what", request.What, PlannedCommunication.TextMax) ?? "",
            Audience = errors.Text("audience", request.Audience, PlannedCommunication.TextMax),
            CoreMessage = errors.Text("coreMessage", request.CoreMessage, PlannedCommunication.TextMax, required: false),
            Channel = errors.Text("channel", request.Channel, PlannedCommunication.TextMax),
            Timing = errors.Text("timing", request.Timing, PlannedCommunication.TextMax, required: false),
            Responsible = errors.Text("responsible", request.Responsible, PlannedCommunication.TextMax, required: false),
            SourceDecision = errors.Text("sourceDecision", request.SourceDecision, PlannedCommunication.ShortMax, required: false),
        };
        errors.ThrowIfAny();
        db.Planned.Add(planned);
        await db.SaveChangesAsync(ct);
        return ToDto(planned);
    }

    public async Task<IReadOnlyList<PlannedDto>> ImportFromReportsAsync(CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.edit"], CommRoles.Editors);
        var records = await reporting.CommunicationRecordsAsync(ct);
        var known = (await db.Planned.Where(p => p.SourceReportNumber != null).Select(p => p.SourceReportNumber!.Value).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var added = new List<PlannedCommunication>();
        foreach (var r in records.Where(r => !known.Contains(r.ReportNumber)))
        {
            static string? Cut(string? s, int max) => s is null ? null : s.Length > max ? s[..max] : s;
            var what = r.CommunicationGoal ?? r.CoreMessage ?? r.Title;
            added.Add(new PlannedCommunication
            {
                Id = Guid.CreateVersion7(now),
                CreatedAt = now,
                Status = PlannedStatus.Planned,
                SourceReportNumber = r.ReportNumber,
                What = Cut($"#{r.ReportNumber} {r.Title}: {what}", PlannedCommunication.TextMax)!,
                Audience = r.Audience,
                CoreMessage = r.CoreMessage,
                Channel = r.ChannelAndMethod,
                Timing = r.Timing,
                Responsible = r.Responsible,
            });
        }
        db.Planned.AddRange(added);
        await db.SaveChangesAsync(ct);
        return added.Select(ToDto).ToList();
    }

    public async Task<PlannedDto> SetStatusAsync(Guid id, PlannedStatusRequest request, CancellationToken ct)
    {
        actor.RequireAnyRole(texts["communications.forbidden.edit"], CommRoles.Editors);
        var errors = new ValidationErrors(texts);
        var status = Publications.PublicationsHandler.Parse<PlannedStatus>(errors, "status", request.Status, required: true);
        errors.ThrowIfAny();
        var planned = await db.Planned.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException($"No planned communication {id} in this region.");
        planned.Status = status!.Value;
        await db.SaveChangesAsync(ct);
        return ToDto(planned);
    }

    private static IReadOnlyList<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static PlannedDto ToDto(PlannedCommunication p) =>
        new(p.Id, p.What, p.Audience, p.CoreMessage, p.Channel, p.Timing, p.Responsible, p.Status.ToString(), p.SourceReportNumber, p.SourceDecision, p.CreatedAt);
}
