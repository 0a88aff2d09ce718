using CsCheck;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Specs;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Trials;

/// <summary>A trial of a radius kind around <see cref="Center"/>: one free input (a second input, when there
/// is one, is fixed at the centre) and one selected output, so that a 1-D grid can bracket exact preimages.</summary>
public sealed record RadiusTrial(TwoCopyKind Kind, TrialNetwork Network, double[] Center, int? Fixed, double MaxRadius, double Separation,
    int Output, ThresholdChoice Threshold, bool ViaOnnx)
{
    public int Free => Fixed == 0 ? 1 : 0;

    public override string ToString() =>
        $"{Kind} centre {TrialNetwork.Vector(Center)} fixed [{Fixed}] maxRadius {TrialNetwork.Number(MaxRadius)} δ {TrialNetwork.Number(Separation)} " +
        $"output {Output}, {Threshold}{(ViaOnnx ? ", via ONNX" : "")}\n{Network}";
}

/// <summary>Random soundness trials of kinds invertibility-radius and preimage-radius against 1-D grid
/// brackets: each bracketed pair's radius bounds r* (R*) from above, so the certified lower bound never
/// exceeds it (nor maxRadius); "passed" never happens above it; every witness pair is a separated pair
/// with equal outputs (in float64) whose radius is the certified upper bound.</summary>
public class RadiusTrials(ITestOutputHelper output)
{
    public const double Share = 0.3;
    private const double TimeLimitSeconds = 10;

    public static readonly Gen<RadiusTrial> Trials =
        from preimage in Gen.Bool
        from inputs in Gen.Int[1, 2]
        from outputs in Gen.Int[1, 2]
        from inputResidual in TrialGen.OneIn(6)
        from network in TrialGen.Network(inputs, outputs, inputResidual)
        from selected in Gen.Int[0, (inputResidual ? inputs : outputs) - 1]
        from fixedInput in inputs == 2 ? Gen.Int[0, 1].Select(i => (int?)i) : Gen.Const((int?)null)
        from center in TrialGen.Decimal(-1, 1).Array[inputs]
        from maxRadius in TrialGen.Decimal(0.3, 2.5)
        from separation in Gen.OneOf(1e-4, 1e-3, 1e-2)
        from threshold in TrialGen.Threshold
        from viaOnnx in TrialGen.ViaOnnx
        select new RadiusTrial(preimage ? TwoCopyKind.PreimageRadius : TwoCopyKind.InvertibilityRadius, network, center, fixedInput,
            maxRadius, Math.Round(separation * maxRadius, 8), selected, threshold, viaOnnx);

    [Fact]
    public void Certified_radii_never_exceed_a_bracketed_pair_and_witnesses_reproduce()
    {
        TrialStatistics.Sample(Trials, Share, Run, output);
    }

    internal static void Run(RadiusTrial trial, TrialStatistics? statistics = null)
    {
        using var model = new TrialModel(trial.Network, trial.ViaOnnx);
        bool preimage = trial.Kind == TwoCopyKind.PreimageRadius;
        double grid = RadiusGrid.UpperBound(model.Network, trial.Center, trial.Free, trial.MaxRadius, trial.Separation, trial.Output, preimage);
        double reference = Math.Min(grid, trial.MaxRadius);
        double? threshold = trial.Threshold.Around(reference);
        var lower = trial.Center.Select((c, i) => i == trial.Fixed ? c : c - trial.MaxRadius).ToArray();
        var upper = trial.Center.Select((c, i) => i == trial.Fixed ? c : c + trial.MaxRadius).ToArray();
        var query = new TwoCopyQuery
        {
            Kind = trial.Kind, Network = model.Network, Lower = lower, Upper = upper, Center = trial.Center, Separation = trial.Separation,
            Outputs = [trial.Output], Threshold = threshold, Exact = trial.Threshold.Exact, TimeLimitSeconds = TimeLimitSeconds,
            RadiusMethod = TrialGen.IncludeKnownBugs ? RadiusMethod.Direct : RadiusMethod.Bisection,
        };
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(query, model.Oracle);
        string found = $"grid bracket {grid:R}, certified [{result.Lower:R}, {result.Upper:R}], threshold {threshold:R}";

        double certifiedLower = Assert.IsType<double>(result.Lower);
        Assert.True(TrialTolerance.AtMost(certifiedLower, reference), $"the certified radius exceeds a bracketed pair or maxRadius: {found}");
        if (trial.Threshold.Exact && !result.TimedOut && double.IsFinite(grid))
            Assert.True(result.Upper is double u && u <= grid + 1e-4 * grid + 1e-5, $"the exact solve found no pair as close as the grid's: {found}");

        var kind = preimage ? PropertyKind.PreimageRadius : PropertyKind.InvertibilityRadius;
        var decision = TrialJudge.Judge(result, kind, ThresholdDirection.AtLeast, threshold);
        if (decision == TrialDecision.Passed) Assert.True(TrialTolerance.AtMost(threshold!.Value, reference), $"passed wrongly: {found}");
        if (result.Upper is double certifiedUpper)
        {
            Assert.True(certifiedLower <= certifiedUpper, $"the bounds cross: {found}");
            double value = PairWitnessCheck.Value(query, Assert.IsType<Core.Checking.Witness>(result.Witness), found);
            Assert.True(TrialTolerance.AtMost(value, certifiedUpper), $"the witness's radius {value:R} is above the upper bound: {found}");
        }
        statistics?.Record(kind.ToFileName(), decision, trial.ViaOnnx);
    }
}
