using FluentValidation;

namespace Rake.Modules.Reporting.Features.ViewReports;

internal sealed class ReportListQueryValidator : RequestValidator<ReportListQuery>
{
    public ReportListQueryValidator(TextCatalog texts) : base(texts)
    {
        EnumName<ListScope>(r => r.Scope, required: false);
        Paging(r => r.Page, r => r.PageSize);
    }

    /// <summary>The scope of a query the validator accepted: everything the caller may see unless one is named.</summary>
    public static ListScope ScopeOf(string? scope) =>
        string.IsNullOrWhiteSpace(scope) ? ListScope.Visible : Enum.Parse<ListScope>(scope.Trim(), ignoreCase: true);
}
