using System.Collections.Concurrent;
using NetArchTest.Rules;

namespace Rake.ArchitectureTests;

/// <summary>An assembly as NetArchTest reads it (through Mono.Cecil, without loading it), and the names of the types it declares.</summary>
public sealed class Inspected
{
    private static readonly ConcurrentDictionary<string, Inspected> Cache = new(StringComparer.Ordinal);

    private readonly Lazy<IReadOnlyList<string>> typeNames;

    private Inspected(string name, Types types, Func<IReadOnlyList<string>> typeNames)
    {
        Name = name;
        Types = types;
        this.typeNames = new Lazy<IReadOnlyList<string>>(typeNames);
    }

    public string Name { get; }

    public Types Types { get; }

    /// <summary>
    /// The full names of the types the assembly declares, as NetArchTest's dependency search takes them. Compiler-made
    /// helpers (<c>&lt;PrivateImplementationDetails&gt;</c>, closures) and the attributes the compiler embeds in every
    /// assembly (<c>System.*</c>, <c>Microsoft.*</c>) exist under the same name in many assemblies, so they say nothing
    /// about which assembly a type depends on.
    /// </summary>
    public IReadOnlyList<string> TypeNames => typeNames.Value;

    /// <summary>An assembly of this test's output folder, by name.</summary>
    public static Inspected Of(string name) =>
        Cache.GetOrAdd(name, n =>
        {
            var assembly = Assemblies.Load(n);
            return new Inspected(n, Types.InAssembly(assembly, [AppContext.BaseDirectory]), () => DeclaredTypeNames(assembly));
        });

    /// <summary>
    /// An assembly written to <paramref name="directory"/> (alone there), e.g. one built in memory for a test; nothing
    /// depends on it, so its type names are never needed.
    /// </summary>
    public static Inspected FromDirectory(string name, string directory) =>
        new(name, Types.FromPath(directory, [AppContext.BaseDirectory]),
            () => throw new InvalidOperationException($"{name} is not loaded, so its types are not listed."));

    private static IReadOnlyList<string> DeclaredTypeNames(System.Reflection.Assembly assembly) =>
        assembly.GetTypes()
            .Select(t => t.FullName)
            .OfType<string>()
            .Where(n => !n.Contains('<'))
            .Where(n => !n.StartsWith("System.", StringComparison.Ordinal) && !n.StartsWith("Microsoft.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public override string ToString() => Name;
}
