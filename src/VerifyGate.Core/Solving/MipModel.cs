namespace VerifyGate.Core.Solving;

/// <summary>A solver-neutral mixed-integer model with linear and (convex or non-convex)
/// quadratic constraints and a linear or quadratic objective. Storage is flat (linear rows in
/// compressed-row form) so that models with ~10^4 variables and ~10^5 nonzeros build quickly.</summary>
public sealed class MipModel
{
    private readonly List<double> _varLower = [];
    private readonly List<double> _varUpper = [];
    private readonly List<VarKind> _varKind = [];
    private readonly List<string?> _varName = [];

    private readonly List<int> _rowStart = [0];
    private readonly List<int> _rowVars = [];
    private readonly List<double> _rowCoefs = [];
    private readonly List<double> _rowLower = [];
    private readonly List<double> _rowUpper = [];
    private readonly List<string?> _rowName = [];

    private readonly List<QuadraticRow> _quadRows = [];

    public int VariableCount => _varLower.Count;
    public int LinearConstraintCount => _rowLower.Count;
    public int QuadraticConstraintCount => _quadRows.Count;
    public int LinearNonzeroCount => _rowVars.Count;

    public bool Maximize { get; private set; }

    /// <summary>Linear objective terms (merged), quadratic objective terms (merged) and the constant.</summary>
    public int[] ObjectiveVars { get; private set; } = [];
    public double[] ObjectiveCoefs { get; private set; } = [];
    public int[] ObjectiveQVars1 { get; private set; } = [];
    public int[] ObjectiveQVars2 { get; private set; } = [];
    public double[] ObjectiveQCoefs { get; private set; } = [];
    public double ObjectiveOffset { get; set; }

    /// <summary>True when no quadratic constraint and no quadratic objective term exists.</summary>
    public bool IsLinear => _quadRows.Count == 0 && ObjectiveQCoefs.Length == 0;

    public Var AddContinuous(double lower, double upper, string? name = null) => AddVariable(lower, upper, VarKind.Continuous, name);

    public Var AddInteger(double lower, double upper, string? name = null) => AddVariable(lower, upper, VarKind.Integer, name);

    public Var AddBinary(string? name = null) => AddVariable(0, 1, VarKind.Binary, name);

    public Var AddVariable(double lower, double upper, VarKind kind, string? name = null)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper)) throw new ArgumentException("Variable bound is NaN.");
        if (kind == VarKind.Binary && (lower < 0 || upper > 1)) throw new ArgumentException("Binary bounds must lie in [0, 1].");
        _varLower.Add(lower);
        _varUpper.Add(upper);
        _varKind.Add(kind);
        _varName.Add(name);
        return new Var(_varLower.Count - 1);
    }

    public double LowerBound(Var v) => _varLower[v.Index];
    public double UpperBound(Var v) => _varUpper[v.Index];
    public VarKind Kind(Var v) => _varKind[v.Index];
    public string? Name(Var v) => _varName[v.Index];

    public void SetBounds(Var v, double lower, double upper)
    {
        _varLower[v.Index] = lower;
        _varUpper[v.Index] = upper;
    }

    /// <summary>Adds lower &lt;= expr &lt;= upper (use ±infinity for a one-sided constraint). A linear
    /// expression becomes a linear row, otherwise a quadratic constraint. The expression's
    /// constant is moved into the bounds. Returns the index within its kind.</summary>
    public int AddConstraint(double lower, Expr expr, double upper, string? name = null)
    {
        if (double.IsNaN(lower) || double.IsNaN(upper)) throw new ArgumentException("Constraint bound is NaN.");
        CheckIndices(expr);
        lower -= expr.Constant;
        upper -= expr.Constant;
        var (vars, coefs) = TermMerger.MergeLinear(expr.LinVars, expr.LinCoefs);
        if (expr.IsLinear)
        {
            _rowVars.AddRange(vars);
            _rowCoefs.AddRange(coefs);
            _rowStart.Add(_rowVars.Count);
            _rowLower.Add(lower);
            _rowUpper.Add(upper);
            _rowName.Add(name);
            return _rowLower.Count - 1;
        }
        var (q1, q2, qc) = TermMerger.MergeQuadratic(expr.QVars1, expr.QVars2, expr.QCoefs);
        _quadRows.Add(new QuadraticRow(vars, coefs, q1, q2, qc, lower, upper, name));
        return _quadRows.Count - 1;
    }

    /// <summary>Adds a linear row from parallel spans (no Expr allocation); duplicates are merged.</summary>
    public int AddLinear(double lower, ReadOnlySpan<Var> vars, ReadOnlySpan<double> coefs, double upper, string? name = null)
    {
        if (vars.Length != coefs.Length) throw new ArgumentException("vars and coefs differ in length.");
        var expr = new Expr();
        for (int k = 0; k < vars.Length; k++) expr.Add(vars[k], coefs[k]);
        return AddConstraint(lower, expr, upper, name);
    }

    private readonly List<(int Var, double Value)> _hint = [];
    private readonly Dictionary<int, int> _hintSlots = [];

    /// <summary>A (partial) starting assignment handed to the solver, which completes it if it can.
    /// Our models always have an easy feasible point; without one SCIP sometimes finds no incumbent,
    /// and then OR-Tools reports no proven bound at all.</summary>
    public IReadOnlyList<(int Var, double Value)> Hint => _hint;

    /// <summary>Hints a variable; hinting it again replaces the value (encodings that share variables, such
    /// as matching's two networks on the same inputs, each hint them, and SCIP refuses duplicates).</summary>
    public void AddHint(Var v, double value)
    {
        if (_hintSlots.TryGetValue(v.Index, out int slot)) _hint[slot] = (v.Index, value);
        else
        {
            _hintSlots[v.Index] = _hint.Count;
            _hint.Add((v.Index, value));
        }
    }

    /// <summary>Completes the hint with <paramref name="value"/> for every variable not hinted yet.</summary>
    public void HintRemaining(double value)
    {
        for (int i = 0; i < VariableCount; i++)
            if (!_hintSlots.ContainsKey(i)) AddHint(new Var(i), Math.Clamp(value, _varLower[i], _varUpper[i]));
    }

    public void SetObjective(Expr expr, bool maximize)
    {
        CheckIndices(expr);
        Maximize = maximize;
        (ObjectiveVars, ObjectiveCoefs) = TermMerger.MergeLinear(expr.LinVars, expr.LinCoefs);
        (ObjectiveQVars1, ObjectiveQVars2, ObjectiveQCoefs) = TermMerger.MergeQuadratic(expr.QVars1, expr.QVars2, expr.QCoefs);
        ObjectiveOffset = expr.Constant;
    }

    public void SetMaximize(Expr expr) => SetObjective(expr, maximize: true);
    public void SetMinimize(Expr expr) => SetObjective(expr, maximize: false);

    // Read access for solver back ends and checks.
    internal double VarLower(int i) => _varLower[i];
    internal double VarUpper(int i) => _varUpper[i];
    internal VarKind VarKindAt(int i) => _varKind[i];
    internal string? VarName(int i) => _varName[i];
    internal int RowStart(int r) => _rowStart[r];
    internal int RowEnd(int r) => _rowStart[r + 1];
    internal int RowVar(int k) => _rowVars[k];
    internal double RowCoef(int k) => _rowCoefs[k];
    internal double RowLower(int r) => _rowLower[r];
    internal double RowUpper(int r) => _rowUpper[r];
    internal string? RowName(int r) => _rowName[r];
    public IReadOnlyList<QuadraticRow> QuadraticConstraints => _quadRows;

    /// <summary>Objective value at x (including the offset), computed here, not by the solver.</summary>
    public double ObjectiveAt(ReadOnlySpan<double> x)
    {
        double sum = ObjectiveOffset;
        for (int k = 0; k < ObjectiveVars.Length; k++) sum += ObjectiveCoefs[k] * x[ObjectiveVars[k]];
        for (int k = 0; k < ObjectiveQCoefs.Length; k++) sum += ObjectiveQCoefs[k] * x[ObjectiveQVars1[k]] * x[ObjectiveQVars2[k]];
        return sum;
    }

    /// <summary>The largest violation at x of any variable bound, integrality requirement,
    /// linear or quadratic constraint (0 when x is exactly feasible). Used to re-check incumbents.</summary>
    public double MaxViolation(ReadOnlySpan<double> x)
    {
        if (x.Length != VariableCount) throw new ArgumentException("x has the wrong length.");
        double worst = 0;
        for (int i = 0; i < VariableCount; i++)
        {
            worst = Math.Max(worst, Math.Max(_varLower[i] - x[i], x[i] - _varUpper[i]));
            if (_varKind[i] != VarKind.Continuous) worst = Math.Max(worst, Math.Abs(x[i] - Math.Round(x[i])));
        }
        for (int r = 0; r < LinearConstraintCount; r++)
        {
            double activity = 0;
            for (int k = _rowStart[r]; k < _rowStart[r + 1]; k++) activity += _rowCoefs[k] * x[_rowVars[k]];
            worst = Math.Max(worst, Math.Max(_rowLower[r] - activity, activity - _rowUpper[r]));
        }
        foreach (var row in _quadRows)
        {
            double activity = row.Evaluate(x);
            worst = Math.Max(worst, Math.Max(row.Lower - activity, activity - row.Upper));
        }
        return worst;
    }

    private void CheckIndices(Expr expr)
    {
        int n = VariableCount;
        foreach (int v in expr.LinVars) if ((uint)v >= (uint)n) throw new ArgumentException($"Unknown variable index {v}.");
        foreach (int v in expr.QVars1) if ((uint)v >= (uint)n) throw new ArgumentException($"Unknown variable index {v}.");
        foreach (int v in expr.QVars2) if ((uint)v >= (uint)n) throw new ArgumentException($"Unknown variable index {v}.");
    }
}
