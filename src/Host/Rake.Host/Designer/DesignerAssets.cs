using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Rake.Host.Designer;

/// <summary>
/// The Elsa Studio bundle from npm, served under <c>/{region}/designer/</c> so that the Studio's relative URLs
/// (<c>_framework/…</c>, <c>_content/…</c>) resolve beside the host page. The npm package carries a Brotli and a gzip
/// copy beside most files; those are sent when the browser accepts them (docs/adr/0010).
/// </summary>
internal sealed class DesignerAssets
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    private readonly PhysicalFileProvider? files;

    public DesignerAssets(IConfiguration configuration, ILogger<DesignerAssets> logger)
    {
        var root = configuration["Designer:BundlePath"]
            ?? typeof(DesignerAssets).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "RakeDesignerBundle")?.Value;
        if (root is not null && File.Exists(Path.Combine(root, "package.json")))
        {
            files = new PhysicalFileProvider(Path.GetFullPath(root));
            BundleRoot = files.Root;
        }
        else
        {
            logger.LogWarning(
                "Elsa Studio bundle not found at {Path}; the designer pages show that it is missing. "
                + "Build the Host (it runs npm ci) or set Designer:BundlePath.",
                root);
        }
    }

    public bool Available => files is not null;

    public string? BundleRoot { get; }

    public async Task<IResult> ServeAsync(HttpContext http, string relativePath)
    {
        if (files is null || relativePath.Contains("..", StringComparison.Ordinal) || relativePath.Contains('\\'))
        {
            return Results.NotFound();
        }
        var file = files.GetFileInfo(relativePath);
        if (!file.Exists || file.IsDirectory)
        {
            return Results.NotFound();
        }
        if (!ContentTypes.TryGetContentType(relativePath, out var contentType))
        {
            contentType = "application/octet-stream";
        }
        var accepted = http.Request.Headers.AcceptEncoding.ToString();
        var served = file;
        string? encoding = null;
        if (Accepts(accepted, "br") && files.GetFileInfo(relativePath + ".br") is { Exists: true } br)
        {
            (served, encoding) = (br, "br");
        }
        else if (Accepts(accepted, "gzip") && files.GetFileInfo(relativePath + ".gz") is { Exists: true } gz)
        {
            (served, encoding) = (gz, "gzip");
        }
        var response = http.Response;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }
        // Fingerprinted framework files never change; the rest is revalidated by its ETag.
        response.Headers.CacheControl = relativePath.StartsWith("_framework/", StringComparison.Ordinal)
            ? "public, max-age=604800"
            : "no-cache";
        var etag = new EntityTagHeaderValue($"\"{served.LastModified.UtcTicks:x}-{served.Length:x}\"");
        if (http.Request.Headers.IfNoneMatch.ToString() == etag.Tag.ToString())
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        response.Headers.ETag = etag.Tag.ToString();
        response.ContentType = contentType;
        response.ContentLength = served.Length;
        await response.SendFileAsync(served, http.RequestAborted);
        return Results.Empty;
    }

    private static bool Accepts(string acceptEncoding, string coding) =>
        acceptEncoding.Split(',').Select(p => p.Split(';')).Any(p => p[0].Trim().Equals(coding, StringComparison.OrdinalIgnoreCase)
            && !(p.Length > 1 && p[1].Trim().Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0"));

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".wasm"] = "application/wasm";
        provider.Mappings[".dll"] = "application/octet-stream";
        provider.Mappings[".dat"] = "application/octet-stream";
        provider.Mappings[".blat"] = "application/octet-stream";
        provider.Mappings[".pdb"] = "application/octet-stream";
        provider.Mappings[".webcil"] = "application/octet-stream";
        provider.Mappings[".js"] = "text/javascript";
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".json"] = "application/json";
        provider.Mappings[".map"] = "application/json";
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".woff2"] = "font/woff2";
        provider.Mappings[".ttf"] = "font/ttf";
        return provider;
    }
}
