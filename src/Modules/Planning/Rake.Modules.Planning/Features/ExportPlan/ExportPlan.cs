using System.Globalization;
using Rake.BuildingBlocks.Export;
using Rake.Modules.Planning.Features.ViewPlan;
using AllowedValuesAttribute = System.ComponentModel.DataAnnotations.AllowedValuesAttribute;

namespace Rake.Modules.Planning.Features.ExportPlan;

internal static class ExportPlanEndpoint
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Map(IEndpointRouteBuilder plan)
    {
        plan.MapGet("/export.docx", async ([AllowedValues("fi", "sv", "en", null)] string? lang, ViewPlanHandler h, TextCatalog texts,
                IRegionAccess regions, IRequestContext actor, CancellationToken ct) =>
            {
                var language = Language(lang);
                var region = regions.Find(actor.RequireRegion().Code)?.Name(language) ?? actor.RequireRegion().Code;
                return FileDownload.File(PlanExport.Docx(await h.HandleAsync(ct), texts, language), DocxType,
                    $"{region} – {texts.GetIn(language, "planning.file.plan")}.docx");
            })
            .WithSummary("The plan as a Word document.");
        plan.MapGet("/export.html", async ([AllowedValues("fi", "sv", "en", null)] string? lang, ViewPlanHandler h, TextCatalog texts,
                CancellationToken ct) =>
                Results.Content(PlanExport.Html(await h.HandleAsync(ct), texts, Language(lang)), "text/html; charset=utf-8"))
            .WithSummary("The plan as an accessible HTML page for the intranet and website.");
    }

    /// <summary>The asked language, else the request's, else Finnish.</summary>
    private static string Language(string? lang) =>
        lang is not null && TextCatalog.Languages.Contains(lang) ? lang
        : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName is var l && TextCatalog.Languages.Contains(l) ? l : "fi";
}
