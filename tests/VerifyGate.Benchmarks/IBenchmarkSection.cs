namespace VerifyGate.Benchmarks;

/// <summary>One table of docs/benchmarks.md: runs its measurements, prints progress, returns Markdown.</summary>
public interface IBenchmarkSection
{
    string Name { get; }
    string Title { get; }
    string Run(TextWriter progress);
}

public static class BenchmarkSections
{
    public static IReadOnlyList<IBenchmarkSection> All { get; } =
    [
        new FoundationBenchmarks(),
        new LipschitzBenchmarks(),
        new LipBaBBenchmarks(),
        new GradientBenchmarks(),
        new ScaleBenchmarks(),
        new BranchingBenchmarks(),
        new EncodingBenchmarks(),
        new NodeOrderBenchmarks(),
        new InvertibilityBenchmarks(),
        new ContractionBenchmarks(),
        new DifferenceBenchmarks(),
        new MatchingBenchmarks(),
        new SymmetryBenchmarks(),
        new RadiusSearchBenchmarks(),
        new RobustnessBenchmarks(),
        new EdgeBenchmarks(),
        new BuildGateBenchmarks(),
        new NumericsBenchmarks(),
    ];
}
