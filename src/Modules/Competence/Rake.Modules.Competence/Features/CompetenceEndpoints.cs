using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rake.BuildingBlocks.Web;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace Rake.Modules.Competence.Features;

internal static class CompetenceEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var surveys = api.MapGroup("/competence/surveys").WithTags("Competence surveys");
        surveys.MapGet("", (SurveyHandler h, CancellationToken ct) => h.SurveysAsync(ct)).WithSummary("The region's competence survey rounds, newest first.");
        surveys.MapPost("", async (LaunchRequest request, SurveyHandler h, CancellationToken ct) =>
            { var survey = await h.LaunchAsync(request, ct); return Results.Created($"competence/surveys/{survey.Id}", survey); })
            .WithSummary("Launches a survey round with its competence areas (planner, region admin).");
        surveys.MapGet("/{id:guid}", (Guid id, SurveyHandler h, CancellationToken ct) => h.SurveyAsync(id, ct)).WithSummary("A survey round and its areas.");
        surveys.MapPost("/{id:guid}/answers", async (Guid id, AnswerRequest request, SurveyHandler h, CancellationToken ct) =>
            { await h.AnswerAsync(id, request, ct); return Results.NoContent(); })
            .WithSummary("Answers a survey anonymously: the values are added to the unit's totals; only the fact of answering is kept per person.");
        surveys.MapPost("/{id:guid}/close", (Guid id, SurveyHandler h, CancellationToken ct) => h.CloseAsync(id, ct)).WithSummary("Closes a survey round.");
        surveys.MapGet("/{before:guid}/compare/{after:guid}", (Guid before, Guid after, SurveyHandler h, CancellationToken ct) => h.CompareAsync(before, after, ct))
            .WithSummary("Per unit and area, the mean of two rounds and the change; units below the minimum group size are hidden.");
        surveys.MapGet("/{before:guid}/compare/{after:guid}/chart.svg", async (Guid before, Guid after, string? unit, SurveyHandler h, CancellationToken ct) =>
            {
                var comparison = await h.CompareAsync(before, after, ct);
                var row = comparison.Units.FirstOrDefault(u => u.Code == (unit ?? "*"));
                if (row is null || row.Hidden)
                {
                    return Results.NotFound();
                }
                return Results.Content(ComparisonChart.Svg("chart", row, comparison.After.ScaleMax, row.Name,
                    $"{comparison.Before.Round}", $"{comparison.After.Round}"), "image/svg+xml");
            })
            .WithSummary("The comparison of one unit (default: all units) as an SVG bar chart; 404 for a hidden unit.");
        api.MapGet("/competence/units", (SurveyHandler h, CancellationToken ct) => h.UnitsAsync(ct)).WithTags("Competence").WithSummary("Units of the region.");

        var staff = api.MapGroup("/competence").WithTags("Competence");
        staff.MapGet("/orientation", (StaffHandler h, CancellationToken ct) => h.OrientationAsync(ct))
            .WithSummary("The orientation checklist with my progress; leads also see completion per unit and person.");
        staff.MapPost("/orientation/{itemId:guid}/complete", async (Guid itemId, CompleteRequest request, StaffHandler h, CancellationToken ct) =>
            { await h.CompleteAsync(itemId, request, ct); return Results.NoContent(); }).WithSummary("Marks an orientation item done for me.");
        staff.MapGet("/trainings", (StaffHandler h, CancellationToken ct) => h.TrainingsAsync(ct)).WithSummary("Training materials, monthly themes and events with participation.");
        staff.MapPost("/trainings", async (TrainingRequest request, StaffHandler h, CancellationToken ct) =>
            { var t = await h.AddTrainingAsync(request, ct); return Results.Created($"competence/trainings/{t.Id}", t); }).WithSummary("Adds a training material or event.");
        staff.MapPost("/trainings/{id:guid}/participation", async (Guid id, StaffHandler h, CancellationToken ct) =>
            { await h.ParticipateAsync(id, ct); return Results.NoContent(); }).WithSummary("Records my participation.");
        staff.MapGet("/specialists", (StaffHandler h, CancellationToken ct) => h.SpecialistsAsync(ct)).WithSummary("Specialists with the 70-credit structural social work specialisation.");
        staff.MapPost("/specialists", async (SpecialistRequest request, StaffHandler h, CancellationToken ct) =>
            { var s = await h.AddSpecialistAsync(request, ct); return Results.Created($"competence/specialists/{s.Id}", s); }).WithSummary("Adds a specialist and their use.");
        staff.MapGet("/needs", ([Range(InputRules.MinYear, InputRules.MaxYear)] int? year, StaffHandler h, CancellationToken ct) => h.NeedsAsync(year, ct)).WithSummary("Competence needs of a year for the competence development plan.");
        staff.MapPost("/needs", async (NeedRequest request, StaffHandler h, CancellationToken ct) =>
            { var n = await h.AddNeedAsync(request, ct); return Results.Created("competence/needs", n); }).WithSummary("Brings up a competence need.");
    }
}
