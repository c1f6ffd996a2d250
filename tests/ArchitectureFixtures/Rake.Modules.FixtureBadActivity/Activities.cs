using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rake.BuildingBlocks.Modules;
using Rake.Workflows.Abstractions;

namespace Rake.Modules.FixtureBadActivity;

public sealed class FixtureBadActivityModule : IModule
{
    public string Name => "FixtureBadActivity";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}

public enum Colour
{
    Red,
    Green,
}

/// <summary>Valid: every input type the rule allows. Must produce no violation.</summary>
[Activity("Rake.FixtureBadActivity.AllInputKinds")]
internal sealed class AllInputKinds
{
    public bool Flag { get; set; }
    public int Count { get; set; }
    public long Big { get; set; }
    public double Ratio { get; set; }
    public decimal Amount { get; set; }
    public string Text { get; set; } = "";
    public string? OptionalText { get; set; }
    public Colour Colour { get; set; }
    public Colour? MaybeColour { get; set; }
    public DateTime At { get; set; }
    public DateTimeOffset AtOffset { get; set; }
    public DateOnly Day { get; set; }
    public TimeSpan Span { get; set; }
    public Guid Id { get; set; }
    public int? MaybeCount { get; set; }
    public string[] Tags { get; set; } = [];
    public List<Guid> Ids { get; set; } = [];
    public IReadOnlyList<DateOnly> Days { get; init; } = [];
    public Dictionary<string, decimal> Totals { get; set; } = [];

    /// <summary>Not settable, so not an input.</summary>
    public Stream? Output { get; private set; }
}

/// <summary>Broken on purpose: prefixed with another module.</summary>
[Activity("Rake.Reporting.NotMine")]
internal sealed class WrongPrefix;

/// <summary>Broken on purpose: same type name as <see cref="DuplicateB"/>.</summary>
[Activity("Rake.FixtureBadActivity.Duplicate")]
internal sealed class DuplicateA;

[Activity("Rake.FixtureBadActivity.Duplicate")]
internal sealed class DuplicateB;

/// <summary>Broken on purpose: version 0.</summary>
[Activity("Rake.FixtureBadActivity.VersionZero", 0)]
internal sealed class VersionZero;

/// <summary>Broken on purpose: inputs that do not survive a JSON round trip.</summary>
[Activity("Rake.FixtureBadActivity.NonSerialisable")]
internal sealed class NonSerialisable
{
    public Stream? Payload { get; set; }
    public Func<int>? Callback { get; set; }
    public Dictionary<int, string> ByNumber { get; set; } = [];
    public List<object> Anything { get; set; } = [];
}
