using System.Globalization;
using Rake.BuildingBlocks.Regions;
using Rake.BuildingBlocks.Ui;
using Rake.BuildingBlocks.Web;

namespace Rake.Modules.WorkingGroup.Ui;

/// <summary>What the working-group pages share: dates in Finnish format, form parsing and the post/redirect/get step.</summary>
public abstract class WgPage : RegionPage
{
    /// <summary>The summary line of a refused form that is not about a single field (403, 404, 409).</summary>
    protected string? ProblemDetail { get; set; }

    protected static string Format(DateTimeOffset at) => FormatTime(at);

    /// <summary>As <see cref="Format(DateTimeOffset)"/>, for the islands that are no WgPage.</summary>
    internal static string FormatTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Helsinki.TimeZone).ToString("d.M.yyyy 'klo' HH.mm", CultureInfo.GetCultureInfo("fi-FI"));

    protected static string Format(DateOnly day) => day.ToString("d.M.yyyy", CultureInfo.InvariantCulture);

    protected DateOnly? FormDate(string field, Dictionary<string, string[]> errors, bool required = true)
    {
        var text = Form(field);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = [T["validation.required"]];
            }
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors[field] = [T["wg.validation.date"]];
        return null;
    }

    /// <summary>A local (Helsinki) date and time from two fields, as an instant.</summary>
    protected DateTimeOffset? FormLocalTime(string dateField, string timeField, Dictionary<string, string[]> errors)
    {
        var day = FormDate(dateField, errors);
        var text = Form(timeField);
        if (!TimeOnly.TryParseExact(text ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            errors[timeField] = [string.IsNullOrWhiteSpace(text) ? T["validation.required"] : T["wg.validation.time"]];
            return null;
        }
        if (day is null)
        {
            return null;
        }
        var local = day.Value.ToDateTime(time);
        return new DateTimeOffset(local, Helsinki.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    protected int? FormInt(string field, Dictionary<string, string[]> errors)
    {
        var text = Form(field);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors[field] = [T["wg.validation.number"]];
        return null;
    }

    /// <summary>
    /// Runs a change; on success redirects (post/redirect/get), otherwise shows the field errors with what the page parsed itself.
    /// </summary>
    protected Task SubmitAsync(Dictionary<string, string[]> parseErrors, Func<Task> change, string redirectTo) =>
        SubmitAsync(parseErrors, async () =>
        {
            await change();
            return redirectTo;
        });

    /// <summary>As above, where the change itself tells where to go next (a new meeting's page).</summary>
    protected async Task SubmitAsync(Dictionary<string, string[]> parseErrors, Func<Task<string>> change)
    {
        if (parseErrors.Count > 0)
        {
            Errors = parseErrors;
            return;
        }
        try
        {
            var next = await change();
            Navigation.NavigateTo(Href(next));
        }
        catch (ValidationException problem)
        {
            Errors = problem.Errors;
        }
        catch (RakeProblemException problem)
        {
            ProblemDetail = problem.Message;
        }
    }

    /// <summary>The posted value of a field after a refused post of this form, else the default.</summary>
    protected string? Kept(string form, string field, string? otherwise = null) =>
        IsPost && Form("_handler") == form ? Form(field) : otherwise;
}
