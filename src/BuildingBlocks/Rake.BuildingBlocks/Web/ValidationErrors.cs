namespace Rake.BuildingBlocks.Web;

/// <summary>Collects field errors so a caller learns every problem in one answer, not one at a time.</summary>
public sealed class ValidationErrors(Localization.TextCatalog texts)
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.OrdinalIgnoreCase);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }
        list.Add(message);
    }

    public void AddText(string field, string textKey, params object[] args) => Add(field, texts.Get(textKey, args));

    /// <summary>Checks a required text field and its length; returns the trimmed value.</summary>
    public string? Text(string field, string? value, int maxLength, bool required = true)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                AddText(field, "validation.required");
            }
            return null;
        }
        if (trimmed.Length > maxLength)
        {
            AddText(field, "validation.tooLong", maxLength, trimmed.Length);
        }
        return trimmed;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationException(ToDictionary());
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
