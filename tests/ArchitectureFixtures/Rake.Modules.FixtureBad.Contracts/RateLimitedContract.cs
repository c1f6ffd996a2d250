using System.Threading.RateLimiting;

namespace Rake.Modules.FixtureBad.Contracts;

/// <summary>
/// Broken on purpose, and invisible to a namespace rule: System.Threading.RateLimiting comes with ASP.NET Core, not the
/// BCL, although its namespace starts with System.
/// </summary>
public sealed record RateLimitedContract(RateLimiter? Limiter);
