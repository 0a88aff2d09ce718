using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>How the l2 input ball ‖v‖_2 ≤ 1 enters the model.</summary>
public enum TwoBallMethod
{
    /// <summary><see cref="CuttingPlanes"/> when that makes the model linear (q = 1, q = inf), where it
    /// is much faster; <see cref="Quadratic"/> for q = 2.</summary>
    Automatic,
    /// <summary>The convex quadratic constraint Σ v_i² ≤ 1 (a MIQCQP, solved through the proto route).</summary>
    Quadratic,
    /// <summary>A polyhedral outer approximation refined by tangent cuts at the relaxation's optimal
    /// direction (see <see cref="TwoBallCuts"/>): linear for q = 1 and q = inf.</summary>
    CuttingPlanes,
}

/// <summary>The tangent cuts u·v ≤ 1 (u a unit vector) of one sub-problem's outer approximation of the
/// l2 ball. Each relaxation contains the ball, so its proven bound is an upper bound on the
/// sub-problem; a cut is added where the relaxation's optimum leaves the ball, and where the optimum of
/// the incumbent's pattern lies (which makes that pattern exact for a linear objective).</summary>
public sealed class TwoBallCuts
{
    private readonly List<double[]> _directions = [];

    public IReadOnlyList<double[]> Directions => _directions;

    /// <summary>Adds the cut through <paramref name="direction"/>/‖direction‖_2 unless an almost equal cut
    /// exists already. Returns whether it was added.</summary>
    public bool Add(double[] direction)
    {
        double norm = VectorNorm.Norm(direction, NormKind.Two);
        if (!(norm > 0) || !double.IsFinite(norm)) return false;
        var unit = direction.Select(c => c / norm).ToArray();
        foreach (var u in _directions)
        {
            double cosine = 0;
            for (int i = 0; i < u.Length; i++) cosine += u[i] * unit[i];
            if (cosine > 1 - 1e-12) return false;
        }
        _directions.Add(unit);
        return true;
    }

    /// <summary>The maximising direction of the pattern's own Jacobian, or null if it cannot be computed.</summary>
    public static double[]? PatternDirection(LipschitzQuery query, ActivationPattern pattern)
    {
        var map = LocalAffineMap.Of(query.Network, pattern);
        return PatternNorm.Compute(map.Slopes[query.Network.OutputIndex], query.SelectedOutputs, query.FixedInputs, NormKind.Two, query.OutputNorm)?.Direction;
    }
}
