using System.Reflection;
using Mono.Cecil;

namespace Rake.ArchitectureTests;

/// <summary>
/// The assemblies under test, read from this test project's output folder: the Host's references bring every
/// production assembly there, the project references bring the fixtures.
/// </summary>
public static class Assemblies
{
    /// <summary>What must be there; a missing one would make every rule pass vacuously for it.</summary>
    public static readonly IReadOnlyList<string> ExpectedProduction =
    [
        "Rake.BuildingBlocks",
        "Rake.BuildingBlocks.Contracts",
        "Rake.Workflows.Abstractions",
        "Rake.Host",
        .. new[] { "Reporting", "WorkingGroup", "Communications", "Competence", "Planning", "Workflows" }
            .SelectMany(m => new[] { $"Rake.Modules.{m}", $"Rake.Modules.{m}.Contracts" }),
    ];

    public const string FixtureBadReference = "Rake.Modules.FixtureBadReference";
    public const string FixtureBadContracts = "Rake.Modules.FixtureBad.Contracts";
    public const string FixtureExtraPublic = "Rake.Modules.FixtureExtraPublic";
    public const string FixtureTwoContexts = "Rake.Modules.FixtureTwoContexts";
    public const string FixtureBadActivity = "Rake.Modules.FixtureBadActivity";
    public const string FixtureBadBuildingBlock = "Rake.BuildingBlocks.FixtureBad";

    private static readonly Lazy<IReadOnlyList<string>> ProductionNamesLazy = new(DiscoverProduction);
    private static readonly Lazy<IReadOnlyList<AssemblyDefinition>> ProductionDefinitionsLazy =
        new(() => ProductionNames.Select(Definition).ToList());

    /// <summary>
    /// Every <c>Rake.*</c> assembly in the output folder except this test assembly and the fixtures (whose names contain
    /// <c>Fixture</c>); discovered rather than listed, so a production assembly added later is checked without edits here.
    /// </summary>
    public static IReadOnlyList<string> ProductionNames => ProductionNamesLazy.Value;

    public static IReadOnlyList<AssemblyDefinition> ProductionDefinitions => ProductionDefinitionsLazy.Value;

    public static IReadOnlyList<Assembly> ProductionAssemblies => ProductionNames.Select(Load).ToList();

    /// <summary>The production assemblies as NetArchTest reads them.</summary>
    public static IReadOnlyList<Inspected> ProductionInspected => ProductionNames.Select(Inspected.Of).ToList();

    /// <summary>Every Rake assembly here, fixtures included: what a fixture may wrongly depend on.</summary>
    public static IReadOnlyList<string> AllNames => AllNamesLazy.Value;

    private static readonly Lazy<IReadOnlyList<string>> AllNamesLazy = new(() => Discover(includeFixtures: true));

    /// <summary>Metadata only: read from a copy in memory, so nothing is loaded and no file stays locked.</summary>
    public static AssemblyDefinition Definition(string name) =>
        AssemblyDefinition.ReadAssembly(new MemoryStream(File.ReadAllBytes(PathOf(name))));

    public static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, name + ".dll");

    private static IReadOnlyList<string> DiscoverProduction() => Discover(includeFixtures: false);

    private static IReadOnlyList<string> Discover(bool includeFixtures)
    {
        var self = typeof(Assemblies).Assembly.GetName().Name;
        return Directory.EnumerateFiles(AppContext.BaseDirectory, "Rake.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(n => n != self && (includeFixtures || !n.Contains("Fixture", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
