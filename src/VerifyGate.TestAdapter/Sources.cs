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

/// <summary>VerifyGate.Shard (run setting) or VerifyGateShard (the project's, in the manifest): a CI matrix job runs
/// only its part of the properties, keyed as the CLI and the build gate key them (the file's path from the repository
/// root and the property's name), in runs and in <c>--list-tests</c> alike.</summary>
public static class ShardSelection
{
    public static bool Includes(PropertyTest test, AdapterSettings run) =>
        (run.Shard ?? test.Manifest.Settings.Shard) is not { } shard || shard.Contains(test.Property.RelativeSpec, test.Property.Property);
}
