using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Localization;
using Rake.BuildingBlocks.Localization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Ui;

namespace Rake.Host.Components;

/// <summary>
/// The page a browser gets when an answer to a page request would have no body — a URL no page matches, or a 403/404
/// that an endpoint or the page renderer left empty — so Chromium never shows its own English error page. It is
/// written directly rather than re-executed through the page renderer: that renderer leaves a 404's body empty when
/// status code pages are on, which is the very case this covers (docs/adr/0134).
/// </summary>
internal static class StatusPages
{
    public static async Task WriteAsync(HttpContext http)
    {
        var texts = http.RequestServices.GetRequiredService<TextCatalog>();
        // The culture middleware has returned by now; its choice stays on the request as a feature.
        var language = http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture.TwoLetterISOLanguageName is { } asked
            && TextCatalog.Languages.Contains(asked) ? asked : "fi";
        var status = http.Response.StatusCode;
        var (titleKey, bodyKey) = status switch
        {
            StatusCodes.Status404NotFound when http.Items.ContainsKey(RegionPage.UnknownRegionItem) =>
                ("access.unknownRegion.title", "access.unknownRegion.body"),
            StatusCodes.Status404NotFound => ("page.notFound.title", "page.notFound.body"),
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => ("page.forbidden.title", "page.forbidden.body"),
            _ => ("page.error.title", "page.error.body"),
        };
        var (backHref, backText) = await WayBackAsync(http, texts, language);
        var e = HtmlEncoder.Default;
        var title = texts.GetIn(language, titleKey);
        var tagline = texts.GetIn(language, "layout.tagline");
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{e.Encode(title)} – Rake</title>
            <link rel="stylesheet" href="/rake.css" />
            </head>
            <body>
            <a class="rake-skip-link" href="#main">{e.Encode(texts.GetIn(language, "layout.skipToContent"))}</a>
            <header class="rake-header">
            <div class="rake-brand"><a href="/">Rake</a> <span class="rake-brand-sub">{e.Encode(tagline)}</span></div>
            </header>
            <main id="main" tabindex="-1" class="rake-main">
            <div role="alert" class="rake-problem"><h1>{e.Encode(title)}</h1><p>{e.Encode(texts.GetIn(language, bodyKey))}</p></div>
            <p><a class="rake-back-link" href="{e.Encode(backHref)}">{e.Encode(backText)}</a></p>
            </main>
            </body>
            </html>
            """);
    }

    /// <summary>The home of the region the address names when the person works there, otherwise the front page.</summary>
    private static async Task<(string Href, string Text)> WayBackAsync(HttpContext http, TextCatalog texts, string language)
    {
        var regions = http.RequestServices.GetRequiredService<IRegionAccess>();
        var first = (http.Request.Path.Value ?? "").TrimStart('/').Split('/')[0];
        if (first.Length > 0 && regions.Find(first) is { } region
            && (await regions.ResolveAsync(http.User, first, http.RequestAborted)).Granted)
        {
            return ($"/{region.Id.Code}", texts.GetIn(language, "page.problem.backToRegion", region.Name(language)));
        }
        return ("/", texts.GetIn(language, "page.problem.back"));
    }
}
