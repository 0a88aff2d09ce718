using VerifyGate.Core.Problems;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>Certified bounds on the two-copy quantities (math.md, "Invertibility" and "Matching two
/// networks"). Soundness as for Lipschitz: a bound on the solver's side is a proven bound with a safety
/// margin (upper for the maximisations, lower for the radius kinds), the other bound only ever a witness
/// pair evaluated in float64 and confirmed by the oracles.</summary>
public sealed class TwoCopyEngine(IMipSolver solver)
{
    /// <param name="oracle">Evaluates the model (ONNX Runtime in production); null skips the confirmation.</param>
    /// <param name="referenceOracle">Evaluates the reference of matching.</param>
    public CertifiedBounds Solve(TwoCopyQuery query, IModelOracle? oracle = null, IModelOracle? referenceOracle = null,
        IProgress<BoundsProgress>? progress = null, CancellationToken cancellation = default)
    {
        Validate(query);
        // Cheap proofs first: a contraction f − id proves injectivity without a two-copy MIP.
        if (query.CheapProofs)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            double share = Math.Min(ContractionProof.MaxSeconds, ContractionProof.TimeShare * query.TimeLimitSeconds);
            if (ContractionProof.TryProve(query, solver, oracle, share, cancellation) is { } proven) return proven;
            query = query with { TimeLimitSeconds = Math.Max(Math.Min(0.1, query.TimeLimitSeconds), query.TimeLimitSeconds - clock.Elapsed.TotalSeconds) };
        }
        if (query.IsRadius) return new RadiusEngine(solver).Solve(query, oracle, progress, cancellation);
        bool search = query is { Kind: TwoCopyKind.Invertibility, InvertibilityMethod: InvertibilityMethod.Search }
                      && query.FixedInputs.Count(f => !f) is > 0 and <= InvertibilitySearch.MaximumFreeInputs;
        return search
            ? new InvertibilitySearch(solver).Solve(query, oracle, progress, cancellation)
            : new MaximumEngine(solver).Solve(query, oracle, referenceOracle, progress, cancellation);
    }

    private static void Validate(TwoCopyQuery query)
    {
        int n = query.Network.InputSize;
        if (query.Lower.Length != n || query.Upper.Length != n)
            throw new ArgumentException($"the box has {query.Lower.Length} values, the model {n} inputs");
        if (query.Kind == TwoCopyKind.Matching)
        {
            var reference = query.Reference ?? throw new ArgumentException("matching needs a reference network");
            if (reference.InputSize != n)
                throw new ArgumentException($"the model has {n} inputs but the reference has {reference.InputSize}: matching compares two networks on the same inputs");
        }
        if (query.IsRadius)
        {
            if (query.Center is not { } c || c.Length != n) throw new ArgumentException("the radius kinds need a centre of the model's input size");
            if (!(query.Separation > 0)) throw new ArgumentException("the separation must be positive");
        }
        if (query.OutputTolerance < 0) throw new ArgumentException("the output tolerance must not be negative");
    }
}
