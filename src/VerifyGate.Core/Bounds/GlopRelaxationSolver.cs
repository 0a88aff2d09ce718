using Google.OrTools.LinearSolver;

namespace VerifyGate.Core.Bounds;

/// <summary>One GLOP instance holding an <see cref="LpRelaxation"/>; only the objective changes
/// between solves, so GLOP restarts from the previous basis. Not thread-safe: one per thread.
/// Returns rigorous bounds through <see cref="DualBound"/>, never the solver's own optimum.</summary>
internal sealed class GlopRelaxationSolver : IDisposable
{
    private readonly LpRelaxation _lp;
    private readonly Solver _solver;
    private readonly Variable[] _variables;
    private readonly Constraint[] _rows;
    private readonly double[] _duals;

    public GlopRelaxationSolver(LpRelaxation lp)
    {
        _lp = lp;
        _solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools was built without GLOP.");
        _solver.SuppressOutput();
        // Presolve rebuilds the problem on every solve and loses the basis; without it GLOP's primal
        // simplex restarts from the last optimal basis (measured on ACAS Xu: 110k instead of 240k
        // simplex iterations for all its LPs).
        if (!_solver.SetSolverSpecificParametersAsString("use_preprocessing: false"))
            throw new InvalidOperationException("GLOP rejected its parameters.");
        _variables = new Variable[lp.VariableCount];
        for (int i = 0; i < _variables.Length; i++) _variables[i] = _solver.MakeNumVar(lp.VarLower[i], lp.VarUpper[i], "");
        _rows = new Constraint[lp.RowCount];
        for (int r = 0; r < _rows.Length; r++)
        {
            var row = _rows[r] = _solver.MakeConstraint(lp.RowLower(r), lp.RowUpper(r), "");
            for (int k = lp.RowStart(r); k < lp.RowEnd(r); k++) row.SetCoefficient(_variables[lp.Column(k)], lp.Coefficient(k));
        }
        _duals = new double[_rows.Length];
    }

    /// <summary>Number of LPs GLOP finished with an optimal status.</summary>
    public int Solved { get; private set; }
    /// <summary>Number of LPs GLOP did not finish (time limit, numerical trouble).</summary>
    public int Failed { get; private set; }

    /// <summary>A sound lower bound on min cᵀv + constant over the relaxation, or null when GLOP does
    /// not report an optimum within <paramref name="timeLimitSeconds"/>.</summary>
    public double? Minimise(double[] c, double constant, double timeLimitSeconds)
    {
        var objective = _solver.Objective();
        objective.Clear();
        for (int i = 0; i < c.Length; i++)
            if (c[i] != 0.0) objective.SetCoefficient(_variables[i], c[i]);
        objective.SetMinimization();
        if (double.IsFinite(timeLimitSeconds))
            _solver.SetTimeLimit(Math.Max(1L, (long)Math.Ceiling(timeLimitSeconds * 1000)));
        if (_solver.Solve() != Solver.ResultStatus.OPTIMAL)
        {
            Failed++;
            return null;
        }
        for (int r = 0; r < _rows.Length; r++)
        {
            _duals[r] = _rows[r].DualValue();
            if (!double.IsFinite(_duals[r])) { Failed++; return null; }
        }
        Solved++;
        return DualBound.Lower(_lp, c, constant, _duals);
    }

    /// <summary>The variables' values at the last optimum GLOP reported (unverified: check what they are used for).</summary>
    public double[] LastPrimal() => _variables.Select(v => v.SolutionValue()).ToArray();

    /// <summary>The solver's own (unverified) optimum of the last solve, constant excluded; for tests.</summary>
    public double LastObjectiveValue => _solver.Objective().Value();

    public void Dispose() => _solver.Dispose();
}
