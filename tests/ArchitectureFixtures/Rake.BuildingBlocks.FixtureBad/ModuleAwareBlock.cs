using Rake.Modules.Competence;
using Rake.Modules.FixtureBad.Contracts;

namespace Rake.BuildingBlocks.FixtureBad;

/// <summary>Broken on purpose: a building block that knows a module's implementation and a module's Contracts.</summary>
public static class ModuleAwareBlock
{
    public static Type Implementation => typeof(CompetenceModule);

    public static Type Contract => typeof(LeakyContract);
}
