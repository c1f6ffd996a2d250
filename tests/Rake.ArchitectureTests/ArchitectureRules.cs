using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Mono.Cecil;
using NetArchTest.Rules;
using Rake.BuildingBlocks.Messaging;
using Rake.BuildingBlocks.Persistence;
using Rake.BuildingBlocks.Regions;
using Rake.Workflows.Abstractions;

namespace Rake.ArchitectureTests;

/// <summary>
/// The boundary rules of <c>shared/architecture.md</c> as a checker: each method takes assemblies and returns one
/// human-readable violation per breach (empty when the rule holds). The same code checks the production
/// assemblies and the deliberately broken fixtures, so a rule that silently stopped detecting anything would
/// fail its fixture test.
/// What NetArchTest can say, it says: which types depend on which (rules 1, 2 and 6, matched on the full names of the
/// types another assembly declares, so a module's Contracts stay usable while its implementation is not), and which
/// types are public or unsealed (rule 3). Mono.Cecil is left with the one thing NetArchTest cannot see, where a
/// referenced assembly comes from (rule 2: a package in a <c>System.*</c> namespace is not the BCL). Rules about EF
/// models and attribute values (4, 5) need reflection and a live model; NetArchTest still finds rule 4's contexts.
/// </summary>
public static class ArchitectureRules
{
    /// <summary>
    /// Rule 1: a module implementation depends only on the BCL and third-party assemblies, building blocks,
    /// the workflow SDK and Contracts (its own or other modules'); never on another module's implementation or the Host.
    /// </summary>
    /// <param name="universe">The Rake assemblies a subject could depend on.</param>
    public static IReadOnlyList<string> ModuleReferences(IEnumerable<Inspected> subjects, IEnumerable<string> universe)
    {
        var violations = new List<string>();
        var candidates = universe.Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var subject in subjects.Where(s => AssemblyRoles.IsModuleImplementation(s.Name)))
        {
            var forbidden = candidates.Where(t =>
                t != subject.Name && !AssemblyRoles.IsBuildingBlock(t) && !AssemblyRoles.IsModuleContracts(t));
            foreach (var target in forbidden)
            {
                var why = target == AssemblyRoles.Host ? "the Host"
                    : AssemblyRoles.IsModuleImplementation(target) ? "another module's implementation"
                    : "neither a building block nor a module's Contracts";
                violations.AddRange(TypesDependingOn(subject, target).Select(type => $"Rule 1: {type} depends on {target} ({why})"));
            }
        }
        return violations;
    }

    /// <summary>
    /// Rule 2 (types): every type of a <c>*.Contracts</c> assembly uses only <c>System.*</c> and <c>Rake.BuildingBlocks.Contracts</c>.
    /// </summary>
    public static IReadOnlyList<string> ContractsDependencies(IEnumerable<Inspected> subjects)
    {
        var violations = new List<string>();
        foreach (var subject in subjects.Where(s => AssemblyRoles.IsContracts(s.Name)))
        {
            string[] allowed = ["System", AssemblyRoles.BuildingBlocksContracts,
                .. Inspected.Of(AssemblyRoles.BuildingBlocksContracts).TypeNames,
                .. subject.TypeNames, PrivateImplementationDetails];
            var failing = subject.Types.Should().OnlyHaveDependenciesOn(allowed).GetResult().FailingTypeNames ?? [];
            violations.AddRange(failing.Order(StringComparer.Ordinal).Select(type =>
                $"Rule 2: {type} depends on more than the BCL and {AssemblyRoles.BuildingBlocksContracts}"));
        }
        return violations;
    }

    /// <summary>
    /// Rule 2 (assemblies): every <c>*.Contracts</c> assembly references only the BCL and <c>Rake.BuildingBlocks.Contracts</c>.
    /// NetArchTest sees namespaces, and a package can use <c>System.*</c> ones; the assembly references say where a type lives.
    /// </summary>
    /// <param name="sharedFramework">Names of the assemblies of Microsoft.NETCore.App; defaults to the running one's.</param>
    public static IReadOnlyList<string> ContractsReferences(IEnumerable<AssemblyDefinition> assemblies,
        IReadOnlySet<string>? sharedFramework = null)
    {
        sharedFramework ??= SharedFrameworkAssemblyNames();
        var violations = new List<string>();
        foreach (var assembly in assemblies.Where(a => AssemblyRoles.IsContracts(a.Name.Name)))
        {
            foreach (var reference in References(assembly))
            {
                if (!sharedFramework.Contains(reference) && reference != AssemblyRoles.BuildingBlocksContracts)
                {
                    violations.Add($"Rule 2: {assembly.Name.Name} references {reference} "
                        + $"(Contracts may reference only the BCL and {AssemblyRoles.BuildingBlocksContracts})");
                }
            }
        }
        return violations;
    }

    /// <summary>
    /// Rule 3: a module implementation exports exactly one public type, <c>XModule</c> (implementing IModule), and
    /// every other class in it is sealed unless abstract, static or compiler-generated.
    /// Exceptions to "one public type", because a tool needs them public:
    /// EF migrations (types deriving <c>Microsoft.EntityFrameworkCore.Migrations.Migration</c>) and Blazor Razor
    /// components (deriving <c>ComponentBase</c> or implementing <c>IComponent</c>; Blazor's router only discovers
    /// public components), and the members-less <c>_Imports</c> class the Razor SDK generates.
    /// </summary>
    public static IReadOnlyList<string> ModuleSurface(IEnumerable<Inspected> subjects)
    {
        var violations = new List<string>();
        foreach (var subject in subjects)
        {
            var module = AssemblyRoles.ModuleName(subject.Name);
            if (module is null)
            {
                continue;
            }
            var expected = module + "Module";
            var extraPublic = subject.Types.That().DoNotHaveName(expected)
                .And().AreNotNested()
                .And().DoNotInherit(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))
                .And().DoNotInherit(typeof(Microsoft.AspNetCore.Components.ComponentBase))
                .And().DoNotImplementInterface(typeof(Microsoft.AspNetCore.Components.IComponent))
                .And().DoNotHaveName("_Imports")
                .Should().NotBePublic().GetResult().FailingTypeNames ?? [];
            // NetArchTest calls a public type nested in an internal one public; it is exported only if its container is.
            var exportedNested = subject.Types.That().AreNestedPublic().GetTypes().Where(t => t.IsVisible).Select(t => t.FullName!);
            violations.AddRange(extraPublic.Concat(exportedNested).Order(StringComparer.Ordinal)
                .Select(type => $"Rule 3: {subject.Name} exports public type {type} (only {expected} may be public)"));
            var entryPoints = subject.Types.That().HaveName(expected).And().ArePublic().GetTypes().ToList();
            if (entryPoints.Count != 1)
            {
                violations.Add(
                    $"Rule 3: {subject.Name} exports {entryPoints.Count} public types named {expected} (exactly one is required)");
            }
            var notModules = subject.Types.That().HaveName(expected).And().ArePublic()
                .Should().ImplementInterface(typeof(Rake.BuildingBlocks.Modules.IModule)).GetResult().FailingTypeNames ?? [];
            violations.AddRange(notModules.Select(type => $"Rule 3: {type} does not implement IModule"));
            var unsealed = subject.Types.That().AreClasses().And().AreNotAbstract().And().AreNotPublic()
                .And().DoNotHaveNameStartingWith("<")
                .Should().BeSealed().GetResult().FailingTypeNames ?? [];
            violations.AddRange(unsealed.Order(StringComparer.Ordinal)
                .Select(type => $"Rule 3: {subject.Name} has non-public class {type} that is not sealed"));
        }
        return violations;
    }

    /// <summary>
    /// Rule 4: a module implementation has exactly one DbContext, deriving <see cref="ModuleDbContext"/>; its model's
    /// default schema is the module name in lower case; every entity type implementing <see cref="IRegionOwned"/>
    /// has a query filter on its region (declared on it or, for derived types, on its root, where EF keeps filters).
    /// </summary>
    public static IReadOnlyList<string> ModuleDbContexts(IEnumerable<Assembly> assemblies)
    {
        var violations = new List<string>();
        foreach (var assembly in assemblies)
        {
            var self = assembly.GetName().Name!;
            var module = AssemblyRoles.ModuleName(self);
            if (module is null)
            {
                continue;
            }
            // The shape (how many contexts, which base) is NetArchTest's to say; the model needs a live context.
            var concrete = Inspected.Of(self).Types.That().Inherit(typeof(DbContext)).And().AreNotAbstract();
            var contexts = concrete.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
            var notModuleContexts = (concrete.Should().Inherit(typeof(ModuleDbContext)).GetResult().FailingTypeNames ?? []).ToHashSet();
            if (contexts.Count != 1)
            {
                violations.Add($"Rule 4: {self} declares {contexts.Count} DbContext types "
                    + $"({string.Join(", ", contexts.Select(c => c.Name))}); a module has exactly one");
            }
            foreach (var context in contexts)
            {
                if (notModuleContexts.Contains(context.FullName!))
                {
                    violations.Add($"Rule 4: {context.FullName} does not derive ModuleDbContext");
                }
                violations.AddRange(CheckModel(context, module.ToLowerInvariant()));
            }
        }
        return violations;
    }

    /// <summary>
    /// Rule 5: every class marked <see cref="ActivityAttribute"/> has a type name unique across the given assemblies and
    /// prefixed <c>Rake.&lt;Module&gt;.</c> (the module whose assembly declares it; Elsa built-ins declared in
    /// Rake.Modules.Workflows keep their <c>Elsa.</c> names), a version of at least 1, and only
    /// JSON-serialisable public settable properties (its inputs).
    /// </summary>
    public static IReadOnlyList<string> Activities(IEnumerable<Assembly> assemblies)
    {
        var violations = new List<string>();
        var declared = new List<(string TypeName, Type Type)>();
        foreach (var assembly in assemblies)
        {
            var self = assembly.GetName().Name!;
            var module = AssemblyRoles.ModuleName(self);
            foreach (var type in LoadableTypes(assembly).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                var activity = type.GetCustomAttribute<ActivityAttribute>(inherit: false);
                if (activity is null)
                {
                    continue;
                }
                declared.Add((activity.TypeName, type));
                if (module is null)
                {
                    violations.Add($"Rule 5: activity {type.FullName} is declared in {self}, which is not a module implementation");
                }
                else if (IsElsaBuiltIn(module, activity.TypeName))
                {
                    // The engine implements Elsa's built-ins under their Elsa type names (architecture.md, "Workflows").
                }
                else
                {
                    var prefix = $"Rake.{module}.";
                    if (!activity.TypeName.StartsWith(prefix, StringComparison.Ordinal) || activity.TypeName.Length == prefix.Length)
                    {
                        violations.Add(
                            $"Rule 5: activity {type.FullName} has type name '{activity.TypeName}', which is not prefixed '{prefix}'");
                    }
                }
                if (activity.Version < 1)
                {
                    violations.Add($"Rule 5: activity {type.FullName} has version {activity.Version} (must be at least 1)");
                }
                // Elsa's own "any value" inputs and outputs (Input<object> in Elsa) stay object in the engine's built-ins: the engine
                // stores whatever they hold through ValueConverter.ToStateValue, which gives a JSON shape. A module's activity
                // still names a JSON type.
                var elsaBuiltIn = IsElsaBuiltIn(module, activity.TypeName);
                foreach (var property in InputProperties(type)
                    .Where(p => !IsJsonSerialisable(p.PropertyType) && !(elsaBuiltIn && p.PropertyType == typeof(object))))
                {
                    violations.Add($"Rule 5: activity {type.FullName} has input {property.Name} of type "
                        + $"{Describe(property.PropertyType)}, which is not JSON-serialisable");
                }
            }
        }
        foreach (var duplicate in declared.GroupBy(d => d.TypeName, StringComparer.Ordinal).Where(g => g.Count() > 1).OrderBy(g => g.Key,
            StringComparer.Ordinal))
        {
            var types = duplicate.Select(d => d.Type.FullName).Order(StringComparer.Ordinal);
            violations.Add($"Rule 5: activity type name '{duplicate.Key}' is declared more than once ({string.Join(", ", types)})");
        }
        return violations;
    }

    /// <summary>
    /// Elsa's own activities keep Elsa's type names: the engine's built-ins in Workflows, and Elsa's e-mail activity
    /// (<c>Email.SendEmail</c>, namespace "Email" in Elsa.Email) in Communications, which owns the mail queue.
    /// </summary>
    private static bool IsElsaBuiltIn(string? module, string typeName) =>
        (module == "Workflows" && typeName.StartsWith("Elsa.", StringComparison.Ordinal))
        || (module == "Communications" && typeName == "Email.SendEmail");

    /// <summary>
    /// Rule 6: building blocks (<c>Rake.BuildingBlocks*</c>, <c>Rake.Workflows.Abstractions</c>) depend on no module
    /// and not on the Host; and of all the given assemblies only <c>Rake.Host</c> depends on module implementations.
    /// </summary>
    /// <param name="universe">The Rake assemblies a subject could depend on.</param>
    public static IReadOnlyList<string> DependencyDirection(IEnumerable<Inspected> subjects, IEnumerable<string> universe)
    {
        var violations = new List<string>();
        var candidates = universe.Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var subject in subjects)
        {
            if (AssemblyRoles.IsBuildingBlock(subject.Name))
            {
                foreach (var target in candidates.Where(t => AssemblyRoles.IsModule(t) || t == AssemblyRoles.Host))
                {
                    violations.AddRange(TypesDependingOn(subject, target).Select(type =>
                        $"Rule 6: building block type {type} depends on {target} (building blocks depend on no module and not the Host)"));
                }
            }
            if (subject.Name != AssemblyRoles.Host)
            {
                foreach (var target in candidates.Where(t => t != subject.Name && AssemblyRoles.IsModuleImplementation(t)))
                {
                    violations.AddRange(TypesDependingOn(subject, target).Select(type =>
                        $"Rule 6: {type} depends on module implementation {target} (only {AssemblyRoles.Host} may)"));
                }
            }
        }
        return violations;
    }

    /// <summary>The compiler's per-assembly helper type; every assembly may have its own, so it names no dependency.</summary>
    private const string PrivateImplementationDetails = "<PrivateImplementationDetails>";

    /// <summary>The subject's types that use any type <paramref name="target"/> declares (NetArchTest's dependency search).</summary>
    private static IEnumerable<string> TypesDependingOn(Inspected subject, string target)
    {
        var declared = Inspected.Of(target).TypeNames;
        if (declared.Count == 0)
        {
            return [];
        }
        var failing = subject.Types.Should().NotHaveDependencyOnAny([.. declared]).GetResult().FailingTypeNames ?? [];
        return failing.Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// The assemblies of Microsoft.NETCore.App (System.*, Microsoft.Win32.*, netstandard, mscorlib, ...) this process runs on.
    /// </summary>
    public static IReadOnlySet<string> SharedFrameworkAssemblyNames()
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(directory, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> References(AssemblyDefinition assembly) =>
        assembly.Modules.SelectMany(m => m.AssemblyReferences).Select(r => r.Name).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            // A type that cannot load would hide from every rule; fail loudly rather than skip it.
            throw new InvalidOperationException(
                $"Types of {assembly.GetName().Name} could not be loaded: "
                    + $"{string.Join("; ", ex.LoaderExceptions.Select(e => e?.Message))}", ex);
        }
    }

    private static IEnumerable<string> CheckModel(Type contextType, string expectedSchema)
    {
        IModel model;
        try
        {
            using var context = CreateForInspection(contextType);
            // The design-time model keeps every annotation (the runtime model may drop some, such as the default schema).
            model = context.GetService<IDesignTimeModel>().Model;
        }
        catch (Exception ex)
        {
            return [$"Rule 4: the model of {contextType.FullName} could not be built for inspection: {ex.GetBaseException().Message}"];
        }
        var violations = new List<string>();
        var schema = model.GetDefaultSchema();
        if (schema != expectedSchema)
        {
            violations.Add($"Rule 4: {contextType.FullName} has default schema '{schema ?? "(none)"}' (expected '{expectedSchema}')");
        }
        foreach (var entityType in model.GetEntityTypes()
                     .Where(e => typeof(IRegionOwned).IsAssignableFrom(e.ClrType))
                     .OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (!HasRegionFilter(entityType))
            {
                violations.Add(
                    $"Rule 4: region-owned entity {entityType.ClrType.FullName} in {contextType.Name} has no region query filter");
            }
        }
        return violations;
    }

    /// <summary>EF keeps query filters on the root of a hierarchy and applies them to derived types.</summary>
    private static bool HasRegionFilter(IEntityType entityType) =>
        entityType.GetRootType().GetDeclaredQueryFilters()
            .Select(f => f.Expression)
            .OfType<LambdaExpression>()
            .Any(ReadsRegionCode);

    private static bool ReadsRegionCode(LambdaExpression filter)
    {
        var finder = new RegionCodeFinder();
        finder.Visit(filter.Body);
        return finder.Found;
    }

    private sealed class RegionCodeFinder : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitMember(MemberExpression node)
        {
            Found |= node.Member.Name == nameof(IRegionOwned.RegionCode);
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            // EF.Property<string>(row, "RegionCode")
            Found |= node.Arguments.OfType<ConstantExpression>().Any(c => c.Value as string == nameof(IRegionOwned.RegionCode));
            return base.VisitMethodCall(node);
        }
    }

    /// <summary>
    /// Instantiates a context the way the Host would, minus the database: building the model does not connect.
    /// Supports the ModuleDbContext constructor shape (optional services left out) and plain <c>DbContext(options)</c> constructors.
    /// </summary>
    private static DbContext CreateForInspection(Type contextType)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        builder.UseNpgsql("Host=127.0.0.1;Database=model_only");
        var options = builder.Options;
        var available = new object[] { options, new RequestContext(), TimeProvider.System, new OutboxSignal() };
        var constructor = contextType.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(c => c.GetParameters().All(p => p.IsOptional || available.Any(p.ParameterType.IsInstanceOfType)))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new InvalidOperationException(
                "no constructor takes only (DbContextOptions<T>, IRequestContext, TimeProvider, OutboxSignal) and optional parameters");
        // An optional service (a cache the Host may give) keeps its default: the model does not depend on it.
        var arguments = constructor.GetParameters()
            .Select(p => available.FirstOrDefault(p.ParameterType.IsInstanceOfType) ?? p.DefaultValue).ToArray();
        return (DbContext)constructor.Invoke(arguments);
    }

    /// <summary>Public instance properties with a public setter (init included), less those the workflow SDK declares itself.</summary>
    private static IEnumerable<PropertyInfo> InputProperties(Type activity) =>
        activity.GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .Where(p => p.DeclaringType?.Assembly != typeof(ActivityAttribute).Assembly)
            .OrderBy(p => p.Name, StringComparer.Ordinal);

    private static readonly HashSet<Type> JsonScalars =
    [
        typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(char), typeof(string),
        typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan), typeof(Guid),
    ];

    private static bool IsJsonScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsEnum || JsonScalars.Contains(underlying);
    }

    /// <summary>Scalars, nullable scalars, arrays / List / IReadOnlyList of scalars, and Dictionary&lt;string, scalar&gt;.</summary>
    public static bool IsJsonSerialisable(Type type)
    {
        if (IsJsonScalar(type) || typeof(JsonNode).IsAssignableFrom(type))
        {
            return true;
        }
        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 && IsJsonScalar(type.GetElementType()!);
        }
        if (!type.IsGenericType)
        {
            return false;
        }
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>))
        {
            return IsJsonScalar(arguments[0]);
        }
        if (definition == typeof(Dictionary<,>))
        {
            return arguments[0] == typeof(string) && IsJsonScalar(arguments[1]);
        }
        return false;
    }

    private static string Describe(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.FullName ?? type.Name;
        }
        var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
        return $"{name[..name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
    }
}
