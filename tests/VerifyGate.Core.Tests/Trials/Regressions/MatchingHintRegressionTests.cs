using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Invertibility;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Lipschitz;

namespace VerifyGate.Core.Tests.Trials.Regressions;

/// <summary>Found by the soundness trials: matching with q = 2 always failed with "SCIP returned MODEL_INVALID:
/// In solution_hint(): Duplicate var_index = 0", because the model's and the reference's encodings share the
/// input variables and each hinted them (the quadratic route refuses duplicate hints). Fixed in MipModel.AddHint.</summary>
public class MatchingHintRegressionTests
{
    [Fact]
    public void Matching_with_the_l2_output_norm_solves()
    {
        var model = new TrialNetwork(2, [new TrialLayer([[0.5625, -0.6875], [-0.3203125, -0.6640625], [0.5703125, -0.6171875], [0.8515625, 0.25]],
            [-0.0078125, 0.265625, -0.3515625, -0.3203125], 0.5, false)], [[0.328125, -0.3515625, 0.8671875, -0.15625]], [0.375], false).Build();
        var reference = new TrialNetwork(2, [new TrialLayer([[0.9140625, 0.015625], [-0.421875, 0.296875], [0.0625, -0.9609375], [0.6484375, 0.9375]],
            [0.2890625, 0.3125, -0.015625, -0.1484375], 0.5, false)], [[0.1796875, -0.796875, -0.203125, 0.5078125]], [0.4765625], false).Build();
        var query = new TwoCopyQuery
        {
            Kind = TwoCopyKind.Matching, Network = model, Reference = reference, Lower = [-1.377, -0.94], Upper = [0.773, -0.94],
            OutputNorm = NormKind.Two, OutputTolerance = 0.039, Exact = true,
        };
        var result = new TwoCopyEngine(ScipSolver.Instance).Solve(query, new NetworkOracle(model), new NetworkOracle(reference));
        var grid = PairGrid.BestValue(PairGrid.Points(new TrialBox(query.Lower, query.Upper), 161), reference, model, NormKind.Inf, NormKind.Two, 0.039);
        Assert.True(grid > 0.01, $"the grid finds no pair apart: {grid}");
        Assert.InRange(grid, 0, result.Upper!.Value);
    }
}
