using System.Reflection;

namespace Rake.Host.Tests;

/// <summary>
/// scripts/test.sh runs the browser classes on SQLite only, picking them by name (docs/adr/0168): a class that drives
/// Chromium must say so in its name, or it would silently run twice.
/// </summary>
public sealed class BrowserSuiteConventionTests
{
    [Fact]
    public void Every_class_that_takes_the_browser_fixture_carries_the_browser_suffix()
    {
        var browserClasses = typeof(Browser).Assembly.GetTypes()
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(Browser)))
                        || t.GetInterfaces().Contains(typeof(IClassFixture<Browser>)))
            .ToList();

        Assert.NotEmpty(browserClasses);
        Assert.All(browserClasses, t => Assert.EndsWith("BrowserTests", t.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void A_class_without_the_browser_fixture_does_not_carry_the_suffix()
    {
        var named = typeof(Browser).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("BrowserTests", StringComparison.Ordinal) && !t.IsNested)
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Any(m => m.GetCustomAttribute<FactAttribute>() is not null));

        Assert.All(named, t =>
            Assert.Contains(t.GetConstructors().SelectMany(c => c.GetParameters()), p => p.ParameterType == typeof(Browser)));
    }
}
