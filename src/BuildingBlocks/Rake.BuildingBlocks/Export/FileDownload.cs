using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Rake.BuildingBlocks.Export;

/// <summary>
/// Every file Rake hands out (.xlsx, .docx, .ics, .csv, .json) goes through here, so each carries one Content-Disposition
/// with both names of RFC 6266: <c>filename*=UTF-8''…</c> (RFC 8187) that keeps "käsittelykirjaukset" as written, and a
/// plain ASCII <c>filename</c> for the clients that read only that one. The framework's own fallback turns every ä into
/// "_"; ours drops the dots instead (ä → a, ö → o, å → a), which is how Finns write names where only ASCII fits.
/// </summary>
public static class FileDownload
{
    /// <summary>A download of <paramref name="content"/> named <paramref name="fileName"/> (the name may hold any letters).</summary>
    public static IResult File(byte[] content, string contentType, string fileName) => new Download(content, contentType, fileName);

    /// <summary>A text answer (a calendar feed) that a browser shows or saves under <paramref name="fileName"/>.</summary>
    public static IResult Text(string content, string contentType, string fileName) =>
        new Download(Encoding.UTF8.GetBytes(content), contentType, fileName, Inline: true);

    /// <summary>The Content-Disposition header value for <paramref name="fileName"/>.</summary>
    public static string ContentDisposition(string fileName, bool inline = false)
    {
        var clean = CleanName(fileName);
        // filename* even for a plain ASCII name: one shape for every download, and clients prefer it when present.
        var header = new ContentDispositionHeaderValue(inline ? "inline" : "attachment")
        {
            FileName = Quote(AsciiName(clean)),
            FileNameStar = clean,
        };
        return header.ToString();
    }

    /// <summary>The name without what no file system or header may hold: control characters, path separators, quotes.</summary>
    public static string CleanName(string fileName)
    {
        var kept = new StringBuilder(fileName.Length);
        foreach (var c in fileName.Normalize(NormalizationForm.FormC))
        {
            kept.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '/' or '\\' or '"' or ':' or '*' or '?' or '<' or '>' or '|'
                ? '-'
                : c);
        }
        var name = kept.ToString().Trim(' ', '.', '-');
        return name.Length == 0 ? "rake" : name;
    }

    /// <summary>The ASCII fallback: letters lose their diacritics, dashes become "-", anything else outside printable ASCII "_".</summary>
    public static string AsciiName(string fileName)
    {
        var ascii = new StringBuilder(fileName.Length);
        foreach (var c in CleanName(fileName).Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            ascii.Append(c is >= ' ' and <= '~' ? c : category == UnicodeCategory.DashPunctuation ? '-' : '_');
        }
        return ascii.ToString();
    }

    private static string Quote(string ascii) => $"\"{ascii.Replace("\\", "\\\\", StringComparison.Ordinal)}\"";

    private sealed record Download(byte[] Content, string ContentType, string FileName, bool Inline = false) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentDisposition = ContentDisposition(FileName, Inline);
            return Results.File(Content, ContentType).ExecuteAsync(httpContext);
        }
    }
}
