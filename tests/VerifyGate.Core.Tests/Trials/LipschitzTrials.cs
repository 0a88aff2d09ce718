using CsCheck;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Specs;
using VerifyGate.Core.Tests.Oracles;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Trials;

public sealed record LipschitzTrial(TrialNetwork Network, TrialBox Box, NormKind P, NormKind Q, ThresholdChoice Threshold, bool ViaOnnx)
{
    public override string ToString() =>
        $"lipschitz p={P.Label()} q={Q.Label()}, {Threshold}{(ViaOnnx ? ", via ONNX" : "")}\n{Box}\n{Network}";
}

/// <summary>Random soundness trials of kind lipschitz against the exact oracle (activation regions with
/// interior, enumerated by LP): the certified interval of LipschitzRoute, used as the lipschitz
/// runner uses it, contains the exact L; a threshold is decided on the right side; every witness pair's
/// ratio, re-evaluated in float64, is at least the certified lower bound and at most L.</summary>
public class LipschitzTrials(ITestOutputHelper output)
{
    public const double Share = 0.4;
    private const double TimeLimitSeconds = 10;

    public static readonly Gen<LipschitzTrial> Trials =
        from inputs in Gen.Int[2, 3]
        from outputs in Gen.Int[1, 2]
        from inputResidual in TrialGen.OneIn(6)
        from network in TrialGen.Network(inputs, outputs, inputResidual)
        from box in TrialGen.Box(inputs)
        from p in TrialGen.Norm
        from q in TrialGen.Norm
        from threshold in TrialGen.Threshold
        from viaOnnx in TrialGen.ViaOnnx
        select new LipschitzTrial(network, box, p, q, threshold, viaOnnx);

    [Fact]
    public void Certified_bounds_contain_the_exact_constant_and_decide_thresholds_on_the_right_side()
    {
        TrialStatistics.Sample(Trials, Share, (trial, statistics) => Run(trial, statistics), output);
    }

    /// <summary>The same trials through the search branching on ReLU phases (the route gives it only networks too large
    /// for the oracle), forced a few levels deep, with and without pattern enumeration and node MIPs.</summary>
    [Fact]
    public void Relu_phase_branching_contains_the_exact_constant_and_decides_thresholds_on_the_right_side()
    {
        var forced = from trial in Trials
                     from depth in Gen.Int[0, 3]
                     from enumerate in Gen.Bool
                     select (Trial: trial, Options: new InputSplittingOptions
                     {
                         Branching = Branching.Activations, SplitWithoutSolvingBelowDepth = depth,
                         EnumerationWorkLimit = enumerate ? EnumeratedPatterns.WorkLimit : 0,
                     });
        TrialStatistics.Sample(forced, Share / 2, (t, statistics) => Run(t.Trial, statistics,
            (query, oracle) => new InputSplittingLipschitz(ScipSolver.Instance, t.Options).Solve(query, oracle)), output);
    }

    internal static void Run(LipschitzTrial trial, TrialStatistics? statistics = null,
        Func<LipschitzQuery, Witnesses.IModelOracle, CertifiedBounds>? solve = null)
    {
        using var model = new TrialModel(trial.Network, trial.ViaOnnx);
        double exact = LipschitzOracle.Compute(model.Network, trial.Box.Lower, trial.Box.Upper, trial.P, trial.Q).Value;
        double? threshold = trial.Threshold.Around(exact);
        solve ??= (query, oracle) => new LipschitzRoute(ScipSolver.Instance).Solve(query, oracle);
        var result = solve(new LipschitzQuery
        {
            Network = model.Network, Lower = trial.Box.Lower, Upper = trial.Box.Upper, InputNorm = trial.P, OutputNorm = trial.Q,
            AtMost = threshold, Exact = trial.Threshold.Exact, TimeLimitSeconds = TimeLimitSeconds,
        }, model.Oracle);
        string found = $"exact L {exact:R}, certified [{result.Lower:R}, {result.Upper:R}], threshold {threshold:R}";

        double lower = result.Lower ?? 0, upper = result.Upper ?? double.PositiveInfinity;
        Assert.True(TrialTolerance.AtMost(lower, exact), $"the lower bound is above the exact constant: {found}");
        Assert.True(TrialTolerance.AtMost(exact, upper), $"the upper bound is below the exact constant: {found}");

        var decision = TrialJudge.Judge(result, PropertyKind.Lipschitz, ThresholdDirection.AtMost, threshold);
        if (decision == TrialDecision.Passed) Assert.True(TrialTolerance.AtMost(exact, threshold!.Value), $"passed wrongly: {found}");
        if (decision == TrialDecision.Violated) Assert.True(TrialTolerance.AtMost(threshold!.Value, exact), $"violated wrongly: {found}");
        CheckWitness(trial, model, result, exact, found);
        statistics?.Record("lipschitz", decision, trial.ViaOnnx);
    }

    private static void CheckWitness(LipschitzTrial trial, TrialModel model, CertifiedBounds result, double exact, string found)
    {
        if (result.Lower is not > 0) return;
        var w = Assert.IsType<Core.Checking.Witness>(result.Witness);
        Assert.True(trial.Box.Contains(w.X) && trial.Box.Contains(w.Y), $"the witness leaves the box: {found}");
        var fx = model.Network.Evaluate(w.X);
        var fy = model.Network.Evaluate(w.Y);
        double ratio = VectorNorm.Norm(fx.Select((v, j) => v - fy[j]).ToArray(), trial.Q)
                       / VectorNorm.Norm(w.X.Select((v, i) => v - w.Y[i]).ToArray(), trial.P);
        Assert.True(TrialTolerance.AtMost(result.Lower.Value, ratio), $"the witness ratio {ratio:R} is below the lower bound: {found}");
        Assert.True(TrialTolerance.AtMost(ratio, exact), $"the witness ratio {ratio:R} exceeds the exact constant: {found}");
    }
}
