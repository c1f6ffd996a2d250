using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Mono.Cecil;
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
/// Reference rules (1, 2, 6) read metadata with Mono.Cecil; rules about types and models (3, 4, 5) use reflection,
/// because they need inheritance across assemblies, attribute values and a live EF Core model.
/// </summary>
public static class ArchitectureRules
{
    /// <summary>
    /// Rule 1: a module implementation references only the BCL and third-party assemblies, building blocks,
    /// the workflow SDK and Contracts (its own or other modules'); never another module's implementation or the Host.
    /// </summary>
    public static IReadOnlyList<string> ModuleReferences(IEnumerable<AssemblyDefinition> assemblies)
    {
        var violations = new List<string>();
        foreach (var assembly in assemblies.Where(a => AssemblyRoles.IsModuleImplementation(a.Name.Name)))
        {
            var self = assembly.Name.Name;
            foreach (var reference in References(assembly).Where(AssemblyRoles.IsRake))
            {
                if (AssemblyRoles.IsBuildingBlock(reference) || AssemblyRoles.IsModuleContracts(reference))
                {
                    continue;
                }
                var why = reference == AssemblyRoles.Host ? "the Host"
                    : AssemblyRoles.IsModuleImplementation(reference) ? "another module's implementation"
                    : "neither a building block nor a module's Contracts";
                violations.Add($"Rule 1: {self} references {reference} ({why})");
            }
        }
        return violations;
    }

    /// <summary>Rule 2: every <c>*.Contracts</c> assembly references only the BCL and <c>Rake.BuildingBlocks.Contracts</c>.</summary>
    /// <param name="sharedFramework">Names of the assemblies of Microsoft.NETCore.App; defaults to the running one's.</param>
    public static IReadOnlyList<string> ContractsReferences(IEnumerable<AssemblyDefinition> assemblies, IReadOnlySet<string>? sharedFramework = null)
    {
        sharedFramework ??= SharedFrameworkAssemblyNames();
        var violations = new List<string>();
        foreach (var assembly in assemblies.Where(a => AssemblyRoles.IsContracts(a.Name.Name)))
        {
            foreach (var reference in References(assembly))
            {
                if (!sharedFramework.Contains(reference) && reference != AssemblyRoles.BuildingBlocksContracts)
                {
                    violations.Add($"Rule 2: {assembly.Name.Name} references {reference} (Contracts may reference only the BCL and {AssemblyRoles.BuildingBlocksContracts})");
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
    /// components (types implementing <c>Microsoft.AspNetCore.Components.IComponent</c>; Blazor's router only
    /// discovers public components).
    /// </summary>
    public static IReadOnlyList<string> ModuleSurface(IEnumerable<Assembly> assemblies)
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
            var expected = module + "Module";
            var exported = assembly.GetExportedTypes();
            foreach (var type in exported.Where(t => t.Name != expected && !IsMigration(t) && !IsComponent(t) && !IsRazorImports(t)).OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                violations.Add($"Rule 3: {self} exports public type {type.FullName} (only {expected} may be public)");
            }
            var entryPoints = exported.Where(t => t.Name == expected).ToList();
            if (entryPoints.Count != 1)
            {
                violations.Add($"Rule 3: {self} exports {entryPoints.Count} public types named {expected} (exactly one is required)");
            }
            foreach (var entryPoint in entryPoints.Where(t => !typeof(Rake.BuildingBlocks.Modules.IModule).IsAssignableFrom(t)))
            {
                violations.Add($"Rule 3: {entryPoint.FullName} does not implement IModule");
            }
            foreach (var type in LoadableTypes(assembly)
                         .Where(t => !t.IsVisible && t.IsClass && !t.IsSealed && !t.IsAbstract && !IsCompilerGenerated(t))
                         .OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                violations.Add($"Rule 3: {self} has non-public class {type.FullName} that is not sealed");
            }
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
            var contexts = LoadableTypes(assembly)
                .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .ToList();
            if (contexts.Count != 1)
            {
                violations.Add($"Rule 4: {self} declares {contexts.Count} DbContext types ({string.Join(", ", contexts.Select(c => c.Name))}); a module has exactly one");
            }
            foreach (var context in contexts)
            {
                if (!typeof(ModuleDbContext).IsAssignableFrom(context))
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
                else if (module == "Workflows" && activity.TypeName.StartsWith("Elsa.", StringComparison.Ordinal))
                {
                    // The engine implements Elsa's built-ins under their Elsa type names (architecture.md, "Workflows").
                }
                else
                {
                    var prefix = $"Rake.{module}.";
                    if (!activity.TypeName.StartsWith(prefix, StringComparison.Ordinal) || activity.TypeName.Length == prefix.Length)
                    {
                        violations.Add($"Rule 5: activity {type.FullName} has type name '{activity.TypeName}', which is not prefixed '{prefix}'");
                    }
                }
                if (activity.Version < 1)
                {
                    violations.Add($"Rule 5: activity {type.FullName} has version {activity.Version} (must be at least 1)");
                }
                foreach (var property in InputProperties(type).Where(p => !IsJsonSerialisable(p.PropertyType)))
                {
                    violations.Add($"Rule 5: activity {type.FullName} has input {property.Name} of type {Describe(property.PropertyType)}, which is not JSON-serialisable");
                }
            }
        }
        foreach (var duplicate in declared.GroupBy(d => d.TypeName, StringComparer.Ordinal).Where(g => g.Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var types = duplicate.Select(d => d.Type.FullName).Order(StringComparer.Ordinal);
            violations.Add($"Rule 5: activity type name '{duplicate.Key}' is declared more than once ({string.Join(", ", types)})");
        }
        return violations;
    }

    /// <summary>
    /// Rule 6: building blocks (<c>Rake.BuildingBlocks*</c>, <c>Rake.Workflows.Abstractions</c>) reference no module
    /// and not the Host; and of all the given assemblies only <c>Rake.Host</c> references module implementations.
    /// </summary>
    public static IReadOnlyList<string> DependencyDirection(IEnumerable<AssemblyDefinition> assemblies)
    {
        var violations = new List<string>();
        foreach (var assembly in assemblies)
        {
            var self = assembly.Name.Name;
            var references = References(assembly).ToList();
            if (AssemblyRoles.IsBuildingBlock(self))
            {
                foreach (var reference in references.Where(r => AssemblyRoles.IsModule(r) || r == AssemblyRoles.Host))
                {
                    violations.Add($"Rule 6: building block {self} references {reference} (building blocks reference no module and not the Host)");
                }
            }
            if (self != AssemblyRoles.Host)
            {
                foreach (var reference in references.Where(AssemblyRoles.IsModuleImplementation))
                {
                    violations.Add($"Rule 6: {self} references module implementation {reference} (only {AssemblyRoles.Host} may)");
                }
            }
        }
        return violations;
    }

    /// <summary>The assemblies of Microsoft.NETCore.App (System.*, Microsoft.Win32.*, netstandard, mscorlib, ...) this process runs on.</summary>
    public static IReadOnlySet<string> SharedFrameworkAssemblyNames()
    {
        var directory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(directory, "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> References(AssemblyDefinition assembly) =>
        assembly.Modules.SelectMany(m => m.AssemblyReferences).Select(r => r.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

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
                $"Types of {assembly.GetName().Name} could not be loaded: {string.Join("; ", ex.LoaderExceptions.Select(e => e?.Message))}", ex);
        }
    }

    private static bool IsCompilerGenerated(Type type)
    {
        for (var current = type; current is not null; current = current.DeclaringType)
        {
            if (current.Name.Contains('<') || current.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false))
            {
                return true;
            }
        }
        return false;
    }

    // Matched by name so the checker needs neither EF's migrations nor ASP.NET Core's component model at compile time.
    /// <summary>
    /// The Razor SDK compiles each <c>_Imports.razor</c> (shared using directives) into a public class <c>_Imports</c>
    /// with no members of its own; it is generated, not part of the module's surface.
    /// </summary>
    private static bool IsRazorImports(Type type) => type.Name == "_Imports" && type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Length == 0;

    private static bool IsMigration(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == "Microsoft.EntityFrameworkCore.Migrations.Migration")
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsComponent(Type type) =>
        type.GetInterfaces().Any(i => i.FullName == "Microsoft.AspNetCore.Components.IComponent");

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
                violations.Add($"Rule 4: region-owned entity {entityType.ClrType.FullName} in {contextType.Name} has no region query filter");
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
    /// Supports the ModuleDbContext constructor shape and plain <c>DbContext(options)</c> constructors.
    /// </summary>
    private static DbContext CreateForInspection(Type contextType)
    {
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType))!;
        builder.UseNpgsql("Host=127.0.0.1;Database=model_only");
        var options = builder.Options;
        var available = new object[] { options, new RequestContext(), TimeProvider.System, new OutboxSignal() };
        var constructor = contextType.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(c => c.GetParameters().All(p => available.Any(p.ParameterType.IsInstanceOfType)))
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new InvalidOperationException("no constructor takes only (DbContextOptions<T>, IRequestContext, TimeProvider, OutboxSignal)");
        var arguments = constructor.GetParameters().Select(p => available.First(p.ParameterType.IsInstanceOfType)).ToArray();
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
        if (IsJsonScalar(type))
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
