using VerifyGate.Core.Bounds;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>Small l2-output thresholds through the l_inf-output constant (see <see cref="LipschitzObjective"/>
/// for why a squared objective cannot decide them). For m outputs ‖g‖_inf ≤ ‖g‖_2 ≤ √m·‖g‖_inf, so
/// L_{p,2} ≤ √m·L_{p,inf}: a certified l_inf bound times √m is a certified l2 bound, and a pair found by the
/// l_inf solve is re-evaluated with the l2 norm as an l2 witness. Used in threshold mode below
/// <see cref="LipschitzObjective.SquaredDecisionFloor"/>; what it leaves open goes to the squared objective.</summary>
internal static class L2OutputSurrogate
{
    public static bool Applies(LipschitzQuery query) =>
        query.L2Surrogate && query.OutputNorm == NormKind.Two && !query.Exact && query.AtMost is double t && t < LipschitzObjective.SquaredDecisionFloor
        && query.SelectedOutputs.Length > 1;

    /// <param name="solveLinear">Solves an l_inf-output query (the engine without this surrogate).</param>
    public static CertifiedBounds Solve(LipschitzQuery query, Func<LipschitzQuery, CertifiedBounds> solveLinear,
        IModelOracle? oracle, CancellationToken cancellation)
    {
        double factor = Math.Sqrt(query.SelectedOutputs.Length);
        var linear = solveLinear(query with { OutputNorm = NormKind.Inf, AtMost = query.AtMost / factor });
        var bounds = BoundPropagation.Compute(query.Network, query.Lower, query.Upper, query.BoundMethod);
        var witnesses = new LipschitzWitnesses(query, bounds, oracle);
        if (linear.Witness is { } pair && !cancellation.IsCancellationRequested) witnesses.Offer(pair.X, pair.Y);
        return linear with
        {
            Lower = witnesses.Lower ?? 0,
            Upper = linear.Upper * factor,
            Witness = witnesses.Best,
            Notes = [.. linear.Notes, .. witnesses.Notes, $"l2 outputs bounded through l_inf: L_p,2 <= sqrt({query.SelectedOutputs.Length}) * L_p,inf"],
        };
    }

    public static bool Decided(LipschitzQuery query, CertifiedBounds bounds) =>
        bounds.Upper <= query.AtMost || bounds.Lower > query.AtMost;

    /// <summary>Both runs' bounds hold: the tighter of each side, and the witness behind the lower one.</summary>
    public static CertifiedBounds Combine(CertifiedBounds surrogate, CertifiedBounds squared, TimeSpan elapsed)
    {
        bool squaredLower = (squared.Lower ?? 0) >= (surrogate.Lower ?? 0);
        return squared with
        {
            Lower = Math.Max(squared.Lower ?? 0, surrogate.Lower ?? 0),
            Upper = Min(squared.Upper, surrogate.Upper),
            Witness = squaredLower ? squared.Witness : surrogate.Witness,
            Elapsed = elapsed,
            Notes = [.. surrogate.Notes, .. squared.Notes],
        };
    }

    private static double? Min(double? a, double? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
