using System.Text.RegularExpressions;

namespace Rake.Host.Tests;

/// <summary>
/// Links and forms load by Blazor's enhanced navigation, with a short list of whole-page exceptions (docs/adr/0004).
/// Blazor enhances a form only when the form itself says <c>data-enhance</c>, so a new POST form without it would quietly
/// reload the page, a new search or filter (GET) form without it would load the whole page again; and a download or a
/// sign-in link patched into the layout would break. These read the components' markup, so they catch all three without
/// starting a browser.
/// </summary>
public sealed partial class EnhancedNavigationConventionTests
{
    // The forms that must load whole pages: signing out (it may redirect to the identity provider) and the designer's
    // import, which is a document of its own. The sign-in page's form is an EditForm without Enhance.
    private static readonly string[] WholePageForms =
    [
        "src/Host/Rake.Host/Components/Layout/MainLayout.razor: action=\"/account/logout\"",
        "src/Host/Rake.Host/Designer/DesignerDocument.razor: action=\"@($\"/{Region}/designer/import\")\"",
    ];

    [Fact]
    public void Every_post_form_is_enhanced_but_the_whole_page_ones()
    {
        var plain = new List<string>();
        var enhanced = 0;
        foreach (var (file, tag) in Tags("form"))
        {
            if (!tag.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (EnhanceAttribute().IsMatch(tag))
            {
                enhanced++;
            }
            else
            {
                plain.Add($"{file}: {ActionOf(tag)}");
            }
        }

        Assert.True(enhanced > 100, $"only {enhanced} enhanced POST forms were found: is the markup still read?");
        Assert.Equal(WholePageForms.Order(StringComparer.Ordinal), plain.Order(StringComparer.Ordinal));
    }

    // The GET forms that must load whole pages: the supervisor records' .xlsx is a download under /api/v1, which patched into
    // the layout would be nothing (Blazor would fetch it, find no page and load it again as a whole page).
    private static readonly string[] WholePageGetForms =
    [
        "src/Modules/Reporting/Rake.Modules.Reporting/Ui/Summary.razor: "
            + "action=\"@($\"/api/v1/regions/{Region}/supervisor-records.xlsx\")\"",
    ];

    [Fact]
    public void Every_get_form_is_enhanced_but_the_downloads()
    {
        var plain = new List<string>();
        var enhanced = 0;
        foreach (var (file, tag) in Tags("form"))
        {
            // A form without a method is sent by GET, as a search or filter is.
            var method = MethodAttribute().Match(tag);
            if (method.Success && !method.Groups[1].Value.Equals("get", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (EnhanceAttribute().IsMatch(tag))
            {
                enhanced++;
            }
            else
            {
                plain.Add($"{file}: {ActionOf(tag)}");
            }
        }

        Assert.True(enhanced >= 10, $"only {enhanced} enhanced GET forms were found: is the markup still read?");
        Assert.True(WholePageGetForms.Order(StringComparer.Ordinal).SequenceEqual(plain.Order(StringComparer.Ordinal)),
            "Give each GET form (a search or a filter) data-enhance, or name it with its reason in WholePageGetForms and in "
            + "docs/adr/0004. Found without it: " + string.Join("; ", plain));
    }

    [Fact]
    public void The_sign_in_form_is_not_enhanced()
    {
        var login = File.ReadAllText(Path.Combine(DesignerApiTests.RepositoryRoot(), "src/Host/Rake.Host/Components/Pages/Login.razor"));
        var form = Assert.Single(Tags("EditForm", login));
        Assert.DoesNotContain("Enhance", form, StringComparison.Ordinal);
    }

    [Fact]
    public void Downloads_and_sign_in_links_load_whole_pages()
    {
        var checkedLinks = 0;
        foreach (var (file, tag) in Tags("a"))
        {
            var href = HrefAttribute().Match(tag);
            if (!href.Success || !WholePageHref().IsMatch(href.Groups[1].Value))
            {
                continue;
            }
            checkedLinks++;
            Assert.True(tag.Contains("data-enhance-nav=\"false\"", StringComparison.Ordinal),
                $"{file}: the link {tag} leads to a download, a sign-in or the designer: give it data-enhance-nav=\"false\".");
        }
        Assert.True(checkedLinks >= 20, $"only {checkedLinks} such links were found: is the markup still read?");
    }

    private static IEnumerable<(string File, string Tag)> Tags(string element)
    {
        var root = DesignerApiTests.RepositoryRoot();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.razor", SearchOption.AllDirectories))
        {
            var file = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (file.Contains("/node_modules/", StringComparison.Ordinal) || file.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var tag in Tags(element, File.ReadAllText(path)))
            {
                yield return (file, tag);
            }
        }
    }

    /// <summary>The opening tags of <paramref name="element"/>: up to the first '&gt;' outside quotes, so a lambda in an
    /// attribute (<c>@onsubmit="() =&gt; …"</c>) does not end the tag.</summary>
    private static IEnumerable<string> Tags(string element, string markup)
    {
        var opening = "<" + element;
        for (var start = markup.IndexOf(opening, StringComparison.Ordinal); start >= 0;
             start = markup.IndexOf(opening, start + 1, StringComparison.Ordinal))
        {
            var after = start + opening.Length;
            if (after >= markup.Length || !char.IsWhiteSpace(markup[after]))
            {
                continue;
            }
            var quoted = false;
            var end = after;
            for (; end < markup.Length; end++)
            {
                if (markup[end] == '"')
                {
                    quoted = !quoted;
                }
                else if (markup[end] == '>' && !quoted)
                {
                    break;
                }
            }
            yield return Regex.Replace(markup[start..Math.Min(end + 1, markup.Length)], @"\s+", " ");
        }
    }

    private static string ActionOf(string tag)
    {
        var action = ActionAttribute().Match(tag);
        return action.Success ? action.Value : tag;
    }

    [GeneratedRegex(@"\sdata-enhance(\s|>|=""true"")")]
    private static partial Regex EnhanceAttribute();

    [GeneratedRegex(@"\smethod=""([^""]*)""")]
    private static partial Regex MethodAttribute();

    [GeneratedRegex(@"action=""(?:[^""]|""(?=[^ >]))*""")]
    private static partial Regex ActionAttribute();

    [GeneratedRegex(@"\shref=""((?:[^""]|""(?=[^ >]))*)""")]
    private static partial Regex HrefAttribute();

    [GeneratedRegex(@"^(@\(\$""/api/|/login|@Href\(\$?""designer|@PngHref)")]
    private static partial Regex WholePageHref();
}
