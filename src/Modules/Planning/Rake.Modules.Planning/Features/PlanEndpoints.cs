using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Web;
using Rake.Modules.Planning.Contracts;
using AllowedValuesAttribute = System.ComponentModel.DataAnnotations.AllowedValuesAttribute;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Rake.Modules.Planning.Features;

internal static class PlanEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var plan = api.MapGroup("/plan").WithTags("Implementation plan");
        plan.MapGet("", (PlanHandler h, CancellationToken ct) => h.PlanAsync(ct))
            .WithSummary("The region's implementation plan: template sections with development needs, validity, approvals, publication, goals and actions.");
        plan.MapPut("/sections/{key}", (string key, SectionRequest request, PlanHandler h, CancellationToken ct) => h.UpdateSectionAsync(key, request, ct))
            .WithSummary("Updates a template section's text and development needs (planner, region admin).");
        plan.MapPost("/goals/{goalId:guid}/actions", async (Guid goalId, NewActionRequest request, PlanHandler h, CancellationToken ct) =>
                Results.Created($"/plan", await h.AddActionAsync(goalId, request, ct)))
            .WithSummary("Adds an action to a goal; a year makes it part of that year's action plan.");
        plan.MapPut("/actions/{actionId:guid}/status", (Guid actionId, ActionStatusRequest request, PlanHandler h, CancellationToken ct) => h.UpdateActionStatusAsync(actionId, request, ct))
            .WithSummary("Sets an action's status (NotDone, InProgress, Done) with its evidence; Done needs evidence.");
        plan.MapPost("/approvals", async (ApprovalRequest request, PlanHandler h, CancellationToken ct) => Results.Created("/plan", await h.AddApprovalAsync(request, ct)))
            .WithSummary("Records an approval (who, which body, when), a presentation or a notice for information.");
        plan.MapPut("/publication", (PublicationRequest request, PlanHandler h, CancellationToken ct) => h.SetPublicationAsync(request, ct))
            .WithSummary("Records where and when the plan was published (intranet, website).");
        plan.MapGet("/versions", (PlanHandler h, CancellationToken ct) => h.VersionsAsync(ct)).WithSummary("Saved versions of the plan.");
        plan.MapPost("/versions", async (VersionRequest request, PlanHandler h, CancellationToken ct) => Results.Created("/plan/versions", await h.SaveVersionAsync(request, ct)))
            .WithSummary("Saves the plan as it is now as a new version.");
        plan.MapGet("/versions/{from:int}/diff/{to:int}", (int from, int to, PlanHandler h, CancellationToken ct) => h.DiffAsync(from, to, ct))
            .WithSummary("Line diff between two versions; 0 is the plan as it is now.");
        plan.MapGet("/evaluation", ([Range(InputRules.MinYear, InputRules.MaxYear)] int? year, PlanHandler h, CancellationToken ct) => h.EvaluationAsync(year, ct))
            .WithSummary("The year's goals and actions with status and evidence, reports per reporting period, and recorded evaluations.");
        plan.MapPost("/evaluations", async (EvaluationRequest request, PlanHandler h, CancellationToken ct) => Results.Created("/plan/evaluation", await h.RecordEvaluationAsync(request, ct)))
            .WithSummary("Records a yearly review, a yearly evaluation or the end-of-term evaluation.");
        plan.MapGet("/export.docx", async ([AllowedValues("fi", "sv", "en", null)] string? lang, PlanHandler h, TextCatalog texts, CancellationToken ct) =>
                Results.File(PlanExport.Docx(await h.PlanAsync(ct), texts, Language(lang)),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "toteutussuunnitelma.docx"))
            .WithSummary("The plan as a Word document.");
        plan.MapGet("/export.html", async ([AllowedValues("fi", "sv", "en", null)] string? lang, PlanHandler h, TextCatalog texts, CancellationToken ct) =>
                Results.Content(PlanExport.Html(await h.PlanAsync(ct), texts, Language(lang)), "text/html; charset=utf-8"))
            .WithSummary("The plan as an accessible HTML page for the intranet and website.");
    }

    private static string Language(string? lang) =>
        lang is not null && TextCatalog.Languages.Contains(lang) ? lang : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var l && TextCatalog.Languages.Contains(l) ? l : "fi";
}

/// <summary>The Planning contract; the handler's region-filtered context scopes it.</summary>
internal sealed class PlanningApi(PlanHandler handler) : IPlanningApi
{
    public Task<PlanEvaluationInfo?> EvaluationAsync(int year, CancellationToken cancellationToken) => handler.ComputeEvaluationAsync(year, cancellationToken);
}
