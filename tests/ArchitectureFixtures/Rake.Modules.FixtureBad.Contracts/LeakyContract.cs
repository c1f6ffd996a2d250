using Microsoft.EntityFrameworkCore;
using Rake.BuildingBlocks.Contracts;

namespace Rake.Modules.FixtureBad.Contracts;

/// <summary>Using <see cref="RegionId"/> is allowed; exposing an EF Core type in a module's public face is not.</summary>
public sealed record LeakyContract(RegionId Region, DbContext? Leak);
