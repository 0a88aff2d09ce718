using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace VerifyGate.TestAdapter;

/// <summary>A property to run: its test case (as discovery made it or as the host sent it back), where it lives,
/// and the manifest of its test assembly (the repository root and the project's settings).</summary>
public sealed record PropertyTest(TestCase Test, PropertyCase Property, Manifest Manifest)
{
    public string Root => Manifest.Root;
}

/// <summary>The properties behind test assemblies: only assemblies with a manifest have any, so the
/// adapter never touches unrelated test assemblies that happen to sit beside it.</summary>
public static class Sources
{
    public static IEnumerable<PropertyTest> Discover(IEnumerable<string> sources)
    {
        foreach (string source in sources.Distinct(StringComparer.Ordinal))
        {
            if (Manifest.ForAssembly(source) is not { } manifest) continue;
            foreach (var property in PropertyOutline.Read(manifest))
                yield return new PropertyTest(TestCases.Create(property, source), property, manifest);
        }
    }
}
