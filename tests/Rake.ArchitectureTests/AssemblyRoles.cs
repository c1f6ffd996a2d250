namespace Rake.ArchitectureTests;

/// <summary>What an assembly is, read from its name alone: the naming convention is what the rules hang on.</summary>
public static class AssemblyRoles
{
    public const string Host = "Rake.Host";
    public const string BuildingBlocksContracts = "Rake.BuildingBlocks.Contracts";
    public const string WorkflowsAbstractions = "Rake.Workflows.Abstractions";
    private const string ModulePrefix = "Rake.Modules.";
    private const string ContractsSuffix = ".Contracts";

    public static bool IsRake(string name) => name == "Rake" || name.StartsWith("Rake.", StringComparison.Ordinal);

    /// <summary><c>Rake.BuildingBlocks</c>, <c>Rake.BuildingBlocks.*</c> and <c>Rake.Workflows.Abstractions</c>.</summary>
    public static bool IsBuildingBlock(string name) =>
        name == "Rake.BuildingBlocks" || name.StartsWith("Rake.BuildingBlocks.", StringComparison.Ordinal) || name == WorkflowsAbstractions;

    /// <summary>Any <c>Rake.*.Contracts</c>, including <c>Rake.BuildingBlocks.Contracts</c>.</summary>
    public static bool IsContracts(string name) => IsRake(name) && name.EndsWith(ContractsSuffix, StringComparison.Ordinal);

    public static bool IsModule(string name) => name.StartsWith(ModulePrefix,
        StringComparison.Ordinal) && name.Length > ModulePrefix.Length;

    public static bool IsModuleContracts(string name) => IsModule(name) && name.EndsWith(ContractsSuffix, StringComparison.Ordinal);

    /// <summary><c>Rake.Modules.X</c>; any other non-Contracts assembly under <c>Rake.Modules.</c> counts as implementation too.</summary>
    public static bool IsModuleImplementation(string name) => IsModule(name) && !IsModuleContracts(name);

    /// <summary><c>Rake.Modules.Reporting</c> → <c>Reporting</c>; null for anything that is not a module implementation.</summary>
    public static string? ModuleName(string assemblyName) =>
        IsModuleImplementation(assemblyName) ? assemblyName[ModulePrefix.Length..] : null;

    /// <summary><c>Rake.Modules.Reporting.Contracts</c> → <c>Rake.Modules.Reporting</c>.</summary>
    public static string? ImplementationOfContracts(string assemblyName) =>
        IsModuleContracts(assemblyName) ? assemblyName[..^ContractsSuffix.Length] : null;
}
