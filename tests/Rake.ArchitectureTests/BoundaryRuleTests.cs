using Mono.Cecil;
using static Rake.ArchitectureTests.Assemblies;

namespace Rake.ArchitectureTests;

/// <summary>
/// The boundary rules of <c>shared/architecture.md</c>. For each rule: the production assemblies comply, and a
/// deliberately broken fixture (tests/ArchitectureFixtures) fails with exactly the violation it was built to show.
/// </summary>
public sealed class BoundaryRuleTests
{
    [Fact]
    public void Every_production_assembly_is_under_test()
    {
        var missing = ExpectedProduction.Except(ProductionNames).ToList();
        Assert.True(missing.Count == 0, "Not found next to the tests: " + string.Join(", ", missing));
    }

    // ---- Rule 1: modules depend on building blocks and Contracts, never on another module's implementation or the Host.

    [Fact]
    public void Rule1_production_modules_reference_only_building_blocks_and_contracts() =>
        AssertNone(ArchitectureRules.ModuleReferences(ProductionInspected, ProductionNames));

    [Fact]
    public void Rule1_fails_for_a_module_using_another_modules_implementation()
    {
        var violations = ArchitectureRules.ModuleReferences([Inspected.Of(FixtureBadReference)], AllNames);

        Assert.Equal(
            [
                "Rule 1: Rake.Modules.FixtureBadReference.FixtureBadReferenceModule depends on Rake.Modules.Competence "
                    + "(another module's implementation)",
            ],
            violations);
    }

    [Fact]
    public void Rule1_fails_for_a_module_using_the_host()
    {
        // The Host is an executable no fixture project can sensibly reference, so this fixture is built in memory with
        // Mono.Cecil: a module type with fields of a Host type, another module's Contracts type (allowed) and building
        // block types (allowed), written to a folder of its own for NetArchTest to read.
        var directory = Directory.CreateTempSubdirectory("rake-arch-").FullName;
        try
        {
            const string name = "Rake.Modules.FixtureInMemory";
            var assembly = AssemblyDefinition.CreateAssembly(new AssemblyNameDefinition(name, new Version(1, 0)), name, ModuleKind.Dll);
            var module = assembly.MainModule;
            var type = new TypeDefinition(name, "UsesHost", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class,
                module.TypeSystem.Object);
            module.Types.Add(type);
            foreach (var (assemblyName, typeNamespace, typeName) in new[]
                     {
                         ("Rake.Host", "Rake.Host", "RakeHost"),
                         ("Rake.Modules.Planning.Contracts", "Rake.Modules.Planning.Contracts", "PlanActionInfo"),
                         ("Rake.BuildingBlocks", "Rake.BuildingBlocks.Modules", "IModule"),
                         ("Rake.Workflows.Abstractions", "Rake.Workflows.Abstractions", "WorkflowActivity"),
                     })
            {
                var scope = new AssemblyNameReference(assemblyName, new Version(1, 0));
                module.AssemblyReferences.Add(scope);
                type.Fields.Add(new FieldDefinition(typeName, FieldAttributes.Public, new TypeReference(typeNamespace, typeName, module,
                    scope)));
            }
            assembly.Write(Path.Combine(directory, name + ".dll"));

            var violations = ArchitectureRules.ModuleReferences([Inspected.FromDirectory(name, directory)], AllNames);

            Assert.Equal(["Rule 1: Rake.Modules.FixtureInMemory.UsesHost depends on Rake.Host (the Host)"], violations);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // ---- Rule 2: Contracts use only the BCL and Rake.BuildingBlocks.Contracts.

    [Fact]
    public void Rule2_production_contracts_depend_only_on_the_bcl_and_building_block_contracts() =>
        AssertNone(ArchitectureRules.ContractsDependencies(ProductionInspected));

    [Fact]
    public void Rule2_production_contracts_reference_only_the_bcl_and_building_block_contracts() =>
        AssertNone(ArchitectureRules.ContractsReferences(ProductionDefinitions));

    [Fact]
    public void Rule2_fails_for_contract_types_using_ef_core()
    {
        var violations = ArchitectureRules.ContractsDependencies([Inspected.Of(FixtureBadContracts)]);

        // RateLimitedContract uses only System.* namespaces, so NetArchTest passes it: the assembly check below catches it.
        Assert.Equal(
            ["Rule 2: Rake.Modules.FixtureBad.Contracts.LeakyContract depends on more than the BCL and Rake.BuildingBlocks.Contracts"],
            violations);
    }

    [Fact]
    public void Rule2_fails_for_contracts_referencing_assemblies_outside_the_bcl_even_in_system_namespaces()
    {
        var violations = ArchitectureRules.ContractsReferences([Definition(FixtureBadContracts)]);

        Assert.Equal(
            [
                "Rule 2: Rake.Modules.FixtureBad.Contracts references Microsoft.EntityFrameworkCore (Contracts may reference only the " +
                    "BCL and Rake.BuildingBlocks.Contracts)",
                "Rule 2: Rake.Modules.FixtureBad.Contracts references System.Threading.RateLimiting (Contracts may reference only the " +
                    "BCL and Rake.BuildingBlocks.Contracts)",
            ],
            violations);
    }

    // ---- Rule 3: one public type per module implementation, everything else sealed.

    [Fact]
    public void Rule3_production_modules_export_only_their_module_type() =>
        AssertNone(ArchitectureRules.ModuleSurface(ProductionInspected));

    [Fact]
    public void Rule3_fails_for_a_second_public_type_and_an_unsealed_internal_class()
    {
        var violations = ArchitectureRules.ModuleSurface([Inspected.Of(FixtureExtraPublic)]);

        // The public migration, the public component, the abstract and static classes and the lambda closure are allowed.
        Assert.Equal(
            [
                "Rule 3: Rake.Modules.FixtureExtraPublic exports public type Rake.Modules.FixtureExtraPublic.LeakedService (only " +
                    "FixtureExtraPublicModule may be public)",
                "Rule 3: Rake.Modules.FixtureExtraPublic has non-public class Rake.Modules.FixtureExtraPublic.Helper that is not sealed",
            ],
            violations);
    }

    // ---- Rule 4: one ModuleDbContext per module, schema = module name, region filter on region-owned entities.

    [Fact]
    public void Rule4_production_modules_have_one_module_db_context_with_their_schema_and_region_filters() =>
        AssertNone(ArchitectureRules.ModuleDbContexts(ProductionAssemblies));

    [Fact]
    public void Rule4_fails_for_two_contexts_a_wrong_schema_and_unfiltered_region_owned_entities()
    {
        var violations = ArchitectureRules.ModuleDbContexts([Load(FixtureTwoContexts)]);

        Assert.Equal(
            [
                "Rule 4: Rake.Modules.FixtureTwoContexts declares 2 DbContext types (PlainDbContext, WrongSchemaDbContext); a module " +
                    "has exactly one",
                "Rule 4: Rake.Modules.FixtureTwoContexts.PlainDbContext does not derive ModuleDbContext",
                "Rule 4: Rake.Modules.FixtureTwoContexts.PlainDbContext has default schema '(none)' (expected 'fixturetwocontexts')",
                "Rule 4: region-owned entity Rake.Modules.FixtureTwoContexts.Note in PlainDbContext has no region query filter",
                "Rule 4: Rake.Modules.FixtureTwoContexts.WrongSchemaDbContext has default schema 'wrong' (expected 'fixturetwocontexts')",
                "Rule 4: region-owned entity Rake.Modules.FixtureTwoContexts.RegionalAnimal in WrongSchemaDbContext has no region query " +
                    "filter",
            ],
            violations);
    }

    [Fact]
    public void Rule4_fails_for_a_module_without_a_db_context()
    {
        var violations = ArchitectureRules.ModuleDbContexts([Load(FixtureBadActivity)]);

        Assert.Equal(["Rule 4: Rake.Modules.FixtureBadActivity declares 0 DbContext types (); a module has exactly one"], violations);
    }

    // ---- Rule 5: activities have a unique, module-prefixed type name, a version, JSON-serialisable inputs.

    [Fact]
    public void Rule5_production_activities_are_prefixed_unique_versioned_and_serialisable() =>
        AssertNone(ArchitectureRules.Activities(ProductionAssemblies));

    [Fact]
    public void Rule5_fails_for_wrong_prefix_duplicate_version_zero_and_non_serialisable_inputs()
    {
        var violations = ArchitectureRules.Activities([Load(FixtureBadActivity)]);

        // AllInputKinds uses every allowed input type and must not appear.
        Assert.Equal(
            [
                "Rule 5: activity Rake.Modules.FixtureBadActivity.NonSerialisable has input Anything of type " +
                    "System.Collections.Generic.List<System.Object>, which is not JSON-serialisable",
                "Rule 5: activity Rake.Modules.FixtureBadActivity.NonSerialisable has input ByNumber of type " +
                    "System.Collections.Generic.Dictionary<System.Int32, System.String>, which is not JSON-serialisable",
                "Rule 5: activity Rake.Modules.FixtureBadActivity.NonSerialisable has input Callback of type System.Func<System.Int32>, " +
                    "which is not JSON-serialisable",
                "Rule 5: activity Rake.Modules.FixtureBadActivity.NonSerialisable has input Payload of type System.IO.Stream, which is " +
                    "not JSON-serialisable",
                "Rule 5: activity Rake.Modules.FixtureBadActivity.VersionZero has version 0 (must be at least 1)",
                "Rule 5: activity Rake.Modules.FixtureBadActivity.WrongPrefix has type name 'Rake.Reporting.NotMine', which is not " +
                    "prefixed 'Rake.FixtureBadActivity.'",
                "Rule 5: activity type name 'Rake.FixtureBadActivity.Duplicate' is declared more than once " +
                    "(Rake.Modules.FixtureBadActivity.DuplicateA, Rake.Modules.FixtureBadActivity.DuplicateB)",
            ],
            violations);
    }

    // ---- Rule 6: building blocks depend on no module; only the Host depends on module implementations.

    [Fact]
    public void Rule6_production_dependencies_point_from_host_to_modules_to_building_blocks() =>
        AssertNone(ArchitectureRules.DependencyDirection(ProductionInspected, ProductionNames));

    [Fact]
    public void Rule6_fails_for_a_building_block_using_modules()
    {
        var violations = ArchitectureRules.DependencyDirection([Inspected.Of(FixtureBadBuildingBlock), Inspected.Of(FixtureBadReference)],
            AllNames);

        Assert.Equal(
            [
                "Rule 6: building block type Rake.BuildingBlocks.FixtureBad.ModuleAwareBlock depends on Rake.Modules.Competence " +
                    "(building blocks depend on no module and not the Host)",
                "Rule 6: building block type Rake.BuildingBlocks.FixtureBad.ModuleAwareBlock depends on " +
                    "Rake.Modules.FixtureBad.Contracts (building blocks depend on no module and not the Host)",
                "Rule 6: Rake.BuildingBlocks.FixtureBad.ModuleAwareBlock depends on module implementation Rake.Modules.Competence (only " +
                    "Rake.Host may)",
                "Rule 6: Rake.Modules.FixtureBadReference.FixtureBadReferenceModule depends on module implementation " +
                    "Rake.Modules.Competence (only Rake.Host may)",
            ],
            violations);
    }

    private static void AssertNone(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0,
            $"{violations.Count} violation(s):{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
}
