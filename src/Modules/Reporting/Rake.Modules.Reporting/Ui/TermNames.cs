using Rake.Modules.Reporting.Features.RegionSetup;

namespace Rake.Modules.Reporting.Ui;

internal static class TermNames
{
    /// <summary>A term's name in the reader's language; a code no longer in use is shown as it is.</summary>
    public static string Name(IReadOnlyList<CategoryDto>? terms, string code) => terms?.FirstOrDefault(t => t.Code == code)?.Name ?? code;
}
