namespace Rake.Modules.Workflows.Tests;

/// <summary>
/// Elsa's conformance corpus is not copied into this repository: it lives in the steering folder <c>shared/</c>,
/// which sits beside the repository's clone (locally and in CI). Override with RAKE_ELSA_CONFORMANCE.
/// </summary>
internal static class SharedCorpus
{
    public static readonly string Root = Locate();

    public static string Workflow(string file) => Path.Combine(Root, "workflows", file);

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("RAKE_ELSA_CONFORMANCE");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "elsa-conformance");
            if (File.Exists(Path.Combine(candidate, "expected.json")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            "Elsa's conformance corpus was not found: expected shared/elsa-conformance beside the repository, or set " +
                "RAKE_ELSA_CONFORMANCE.");
    }
}
