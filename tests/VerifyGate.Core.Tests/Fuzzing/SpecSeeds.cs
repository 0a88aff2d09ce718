using VerifyGate.Core.Tests.Specs;

namespace VerifyGate.Core.Tests.Fuzzing;

/// <summary>A property file to mutate: its text and the path it is loaded as (its own, so that model paths
/// resolve as they do in the repository; the examples of the tests live in a scratch folder).</summary>
public sealed record SpecSeed(string Path, string Text)
{
    public override string ToString() => System.IO.Path.GetFileName(Path);
}

/// <summary>The property files the fuzzers start from: the samples', the test specs and the format examples.</summary>
public static class SpecSeeds
{
    public static string SampleModels { get; } = Path.Combine(TestPaths.RepositoryRoot, "samples", "ModelRepo", "models");

    public static IReadOnlyList<SpecSeed> Samples { get; } = Files(SampleModels);

    public static IReadOnlyList<SpecSeed> All { get; } =
    [
        .. Samples,
        .. Files(Path.Combine(TestPaths.RepositoryRoot, "tests", "specs")),
        .. SpecExamples.Valid.Select((text, i) => new SpecSeed(Path.Combine(SampleModels, $"example{i}.verify.json"), text)),
    ];

    private static SpecSeed[] Files(string folder) =>
        Directory.GetFiles(folder, "*.verify.json").Order(StringComparer.Ordinal).Select(p => new SpecSeed(p, File.ReadAllText(p))).ToArray();
}
