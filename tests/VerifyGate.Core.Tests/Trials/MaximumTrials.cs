using CsCheck;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Specs;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Trials;

/// <summary>A trial of a maximisation kind: invertibility (D of <see cref="Model"/>) or matching (M of the
/// model against <see cref="Reference"/>).</summary>
public sealed record MaximumTrial(TwoCopyKind Kind, TrialNetwork Model, TrialNetwork? Reference, TrialBox Box, NormKind P, NormKind Q,
    double Eta, ThresholdChoice Threshold, bool ViaOnnx)
{
    public override string ToString() =>
        $"{Kind} p={P.Label()} q={Q.Label()} η={TrialNetwork.Number(Eta)}, {Threshold}{(ViaOnnx ? ", via ONNX" : "")}\n{Box}\nmodel {Model}" +
        (Reference is null ? "" : $"\nreference {Reference}");
}

/// <summary>Random soundness trials of kinds invertibility and matching against grid searches: every grid
/// pair within η bounds the quantity from below, so the certified upper bound is never below the grid's
/// best; "passed" never happens below it; every witness pair reproduces its value in float64.</summary>
public class MaximumTrials(ITestOutputHelper output)
{
    public const double Share = 0.3;
    private const double TimeLimitSeconds = 10;

    public static readonly Gen<MaximumTrial> Trials =
        from matching in Gen.Bool
        from inputs in Gen.Int[2, 3]
        from outputs in Gen.Int[1, 2]
        from inputResidual in matching ? Gen.Const(false) : TrialGen.OneIn(6)
        from model in TrialGen.Network(inputs, outputs, inputResidual)
        from referenceOutputs in Gen.Int[1, 2]
        from reference in TrialGen.Network(inputs, referenceOutputs)
        from box in TrialGen.Box(inputs)
        from p in TrialGen.IncludeKnownBugs ? TrialGen.Norm : Gen.OneOf(NormKind.One, NormKind.Inf)
        from q in TrialGen.Norm
        from eta in TrialGen.Decimal(0.02, 0.3)
        from threshold in TrialGen.Threshold
        from viaOnnx in TrialGen.ViaOnnx
        select new MaximumTrial(matching ? TwoCopyKind.Matching : TwoCopyKind.Invertibility, model, matching ? reference : null, box,
            matching ? NormKind.Inf : p, q, eta, threshold, viaOnnx);

    [Fact]
    public void Certified_upper_bounds_are_never_below_a_feasible_grid_pair_and_witnesses_reproduce()
    {
        TrialStatistics.Sample(Trials, Share, Run, output);
    }

    internal static void Run(MaximumTrial trial, TrialStatistics? statistics = null)
    {
        using var model = new TrialModel(trial.Model, trial.ViaOnnx);
        using var reference = trial.Reference is null ? null : new TrialModel(trial.Reference, trial.ViaOnnx);
        var coupled = reference?.Network ?? model.Network;
        var points = PairGrid.Points(trial.Box, PairGrid.PerAxis(trial.Box.Free.Length));
        double grid = PairGrid.BestValue(points, coupled, reference is null ? null : model.Network, trial.P, trial.Q, trial.Eta);
        double? threshold = trial.Threshold.Around(grid);
        var query = new TwoCopyQuery
        {
            Kind = trial.Kind, Network = model.Network, Reference = reference?.Network, Lower = trial.Box.Lower, Upper = trial.Box.Upper,
            InputNorm = trial.P, OutputNorm = trial.Q, OutputTolerance = trial.Eta,
            Threshold = threshold, Exact = trial.Threshold.Exact, TimeLimitSeconds = TimeLimitSeconds,
        };
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(query, model.Oracle, reference?.Oracle);
        string found = $"grid best {grid:R}, certified [{result.Lower:R}, {result.Upper:R}], threshold {threshold:R}";

        double lower = result.Lower ?? 0;
        double upper = Assert.IsType<double>(result.Upper);
        Assert.True(TrialTolerance.AtMost(grid, upper), $"a grid pair beats the certified upper bound: {found}");
        Assert.True(lower <= upper, $"the bounds cross: {found}");
        if (trial.Threshold.Exact && !result.TimedOut)
            Assert.True(grid <= lower + 1e-4 * grid + 1e-5, $"the exact solve stopped below the grid's best: {found}");

        var kind = trial.Kind == TwoCopyKind.Matching ? PropertyKind.Matching : PropertyKind.Invertibility;
        var decision = TrialJudge.Judge(result, kind, ThresholdDirection.AtMost, threshold);
        if (decision == TrialDecision.Passed) Assert.True(TrialTolerance.AtMost(grid, threshold!.Value), $"passed wrongly: {found}");
        if (lower > 0)
        {
            double value = PairWitnessCheck.Value(query, Assert.IsType<Core.Checking.Witness>(result.Witness), found);
            Assert.True(TrialTolerance.AtMost(lower, value), $"the witness's value {value:R} is below the lower bound: {found}");
        }
        statistics?.Record(kind.ToFileName(), decision, trial.ViaOnnx);
    }
}
