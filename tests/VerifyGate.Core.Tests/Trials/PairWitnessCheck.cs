using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Invertibility;

namespace VerifyGate.Core.Tests.Trials;

/// <summary>Re-evaluates a two-copy witness pair in float64 on the networks: inside the box, coupled outputs
/// within η (up to the engine's documented acceptance tolerance), and its value.</summary>
public static class PairWitnessCheck
{
    /// <returns>The pair's value: ‖x − y‖_p, ‖g(x) − g(y)‖_q, or max(‖x − c‖_inf, ‖y − c‖_inf) for the radius kinds.</returns>
    public static double Value(TwoCopyQuery query, Core.Checking.Witness witness, string found)
    {
        var box = new TrialBox(query.Lower, query.Upper);
        Assert.True(box.Contains(witness.X) && box.Contains(witness.Y), $"the witness leaves the box: {found}");
        var coupled = query.Reference ?? query.Network;
        int[] outputs = query.Reference is null ? query.SelectedOutputs : Enumerable.Range(0, coupled.OutputSize).ToArray();
        var fx = coupled.Evaluate(witness.X);
        var fy = coupled.Evaluate(witness.Y);
        double scale = 1 + outputs.Max(o => Math.Max(Math.Abs(fx[o]), Math.Abs(fy[o])));
        double gap = VectorNorm.Norm(outputs.Select(o => fx[o] - fy[o]).ToArray(), query.OutputNorm);
        double allowed = query.OutputTolerance + PairWitnesses.CouplingTolerance * scale * outputs.Length + TrialTolerance.Absolute;
        Assert.True(gap <= allowed, $"the witness's coupled outputs differ by {gap:R} > {allowed:R}: {found}");

        if (query.IsRadius)
        {
            if (query.Kind == TwoCopyKind.PreimageRadius) Assert.Equal(query.Center!, witness.Y);
            Assert.True(PairGrid.Distance(witness.X, witness.Y, NormKind.Inf) >= query.Separation * (1 - PairWitnesses.SeparationSlack),
                $"the witness pair is not separated by δ = {query.Separation:R}: {found}");
            return Math.Max(PairGrid.Distance(witness.X, query.Center!, NormKind.Inf), PairGrid.Distance(witness.Y, query.Center!, NormKind.Inf));
        }
        if (query.Kind == TwoCopyKind.Invertibility) return PairGrid.Distance(witness.X, witness.Y, query.InputNorm);
        var gx = query.Network.Evaluate(witness.X);
        var gy = query.Network.Evaluate(witness.Y);
        return VectorNorm.Norm(query.SelectedOutputs.Select(o => gx[o] - gy[o]).ToArray(), query.OutputNorm);
    }
}
