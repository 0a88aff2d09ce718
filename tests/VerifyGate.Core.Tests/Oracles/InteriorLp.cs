using Google.OrTools.LinearSolver;

namespace VerifyGate.Core.Tests.Oracles;

/// <summary>A half-space n·x + o >= 0 over the free inputs, with ‖n‖_2 = 1 so that n·x + o is the
/// (signed) Euclidean distance of x to its boundary.</summary>
public sealed record HalfSpace(double[] Normal, double Offset)
{
    public double Margin(ReadOnlySpan<double> x)
    {
        double sum = Offset;
        for (int k = 0; k < Normal.Length; k++) sum += Normal[k] * x[k];
        return sum;
    }
}

/// <summary>The Chebyshev-centre LP over a box of free inputs cut by half-spaces: maximise s subject
/// to every half-space margin >= s and lo + s <= x <= hi − s. The optimum is the radius of the
/// largest Euclidean ball inside the polytope; it is positive exactly when the polytope has interior.
/// Half-spaces sit in numbered slots so that a depth-first search can overwrite and drop them
/// without rebuilding the GLOP model.</summary>
public sealed class InteriorLp : IDisposable
{
    private readonly Solver _solver;
    private readonly Variable[] _x;
    private readonly Variable _s;
    private readonly List<Constraint> _slots = new();
    private readonly List<HalfSpace?> _contents = new();
    private readonly double[] _lo, _hi;

    public InteriorLp(double[] lo, double[] hi)
    {
        _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("GLOP is not available");
        _lo = lo;
        _hi = hi;
        double inf = double.PositiveInfinity;
        _x = new Variable[lo.Length];
        _s = _solver.MakeNumVar(double.NegativeInfinity, inf, "s");
        for (int k = 0; k < lo.Length; k++)
        {
            _x[k] = _solver.MakeNumVar(lo[k], hi[k], $"x{k}");
            var lower = _solver.MakeConstraint(lo[k], inf, $"lo{k}");   // x − s >= lo
            lower.SetCoefficient(_x[k], 1.0);
            lower.SetCoefficient(_s, -1.0);
            var upper = _solver.MakeConstraint(double.NegativeInfinity, hi[k], $"hi{k}"); // x + s <= hi
            upper.SetCoefficient(_x[k], 1.0);
            upper.SetCoefficient(_s, 1.0);
        }
        _solver.Objective().SetCoefficient(_s, 1.0);
        _solver.Objective().SetMaximization();
    }

    public int Solves { get; private set; }

    /// <summary>Puts a half-space into a slot (creating slots as needed).</summary>
    public void Set(int slot, HalfSpace h)
    {
        while (_slots.Count <= slot)
        {
            _slots.Add(_solver.MakeConstraint(double.NegativeInfinity, double.PositiveInfinity, $"c{_slots.Count}"));
            _contents.Add(null);
        }
        var c = _slots[slot];
        for (int k = 0; k < _x.Length; k++) c.SetCoefficient(_x[k], h.Normal[k]);
        c.SetCoefficient(_s, -1.0);
        c.SetBounds(-h.Offset, double.PositiveInfinity); // n·x − s >= −o
        _contents[slot] = h;
    }

    /// <summary>Empties every slot from <paramref name="slot"/> on.</summary>
    public void ClearFrom(int slot)
    {
        for (int i = slot; i < _slots.Count; i++)
        {
            if (_contents[i] is null) continue;
            _slots[i].SetBounds(double.NegativeInfinity, double.PositiveInfinity);
            _contents[i] = null;
        }
    }

    /// <summary>Solves and returns the optimal point with its radius re-measured in float64 at that
    /// point (so LP tolerances can only shrink it), or null when GLOP finds no optimum.</summary>
    public (double[] Point, double Radius)? Solve()
    {
        Solves++;
        var status = _solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL) return null;
        var x = new double[_x.Length];
        for (int k = 0; k < x.Length; k++) x[k] = Math.Clamp(_x[k].SolutionValue(), _lo[k], _hi[k]);
        return (x, Radius(x));
    }

    /// <summary>The distance from x to the boundary of the box and of every half-space in a slot.</summary>
    public double Radius(ReadOnlySpan<double> x)
    {
        double r = double.PositiveInfinity;
        for (int k = 0; k < x.Length; k++) r = Math.Min(r, Math.Min(x[k] - _lo[k], _hi[k] - x[k]));
        foreach (var h in _contents)
            if (h is not null) r = Math.Min(r, h.Margin(x));
        return r;
    }

    public void Dispose() => _solver.Dispose();
}
