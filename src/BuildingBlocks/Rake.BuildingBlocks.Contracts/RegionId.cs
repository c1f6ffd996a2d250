namespace Rake.BuildingBlocks.Contracts;

/// <summary>A wellbeing services county (tenant), identified by its lower-case URL code, e.g. "kainuu".</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(RegionIdJsonConverter))]
public readonly record struct RegionId
{
    public RegionId(string code)
    {
        if (!IsValidCode(code))
        {
            throw new ArgumentException($"'{code}' is not a valid region code: use lower-case letters, digits and hyphens.", nameof(code));
        }
        Code = code;
    }

    public string Code { get; }

    public static bool IsValidCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= 40 && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    public override string ToString() => Code;
}
