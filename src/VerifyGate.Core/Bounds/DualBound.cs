namespace VerifyGate.Core.Bounds;

/// <summary>A rigorous lower bound on min cᵀv + c₀ over an <see cref="LpRelaxation"/> from any row
/// multipliers y (Neumaier–Shcherbina). For every v with boxed variables and rows inside their ends,
/// cᵀv = Σ_r y_r a_rᵀv + dᵀv with d = c − Aᵀy, so
/// cᵀv &gt;= Σ_r (y_r &gt; 0 ? y_r·L_r : y_r·U_r) + Σ_i (d_i &gt; 0 ? d_i·lb_i : d_i·ub_i).
/// This holds for every y, so the LP solver's tolerances and even a wrong dual only cost tightness,
/// never soundness: the solver's own optimum is not trusted. A multiplier whose sign would need an
/// infinite row end is set to 0. The sum is widened by <see cref="SafeRounding"/> against its own
/// floating-point error (the magnitude counts every product, including those inside d).</summary>
internal static class DualBound
{
    public static double Lower(LpRelaxation lp, ReadOnlySpan<double> c, double constant, ReadOnlySpan<double> duals)
    {
        int n = lp.VariableCount;
        var d = c.ToArray();
        var dMagnitude = new double[n];
        for (int i = 0; i < n; i++) dMagnitude[i] = Math.Abs(c[i]);
        double bound = constant, magnitude = Math.Abs(constant);
        for (int r = 0; r < lp.RowCount; r++)
        {
            double y = duals[r];
            if (!double.IsFinite(y)) throw new ArgumentException($"dual {r} is {y}");
            double end = y > 0.0 ? lp.RowLower(r) : y < 0.0 ? lp.RowUpper(r) : 0.0;
            if (y == 0.0 || !double.IsFinite(end)) continue;
            bound += y * end;
            magnitude += Math.Abs(y * end);
            for (int k = lp.RowStart(r); k < lp.RowEnd(r); k++)
            {
                double v = y * lp.Coefficient(k);
                d[lp.Column(k)] -= v;
                dMagnitude[lp.Column(k)] += Math.Abs(v);
            }
        }
        for (int i = 0; i < n; i++)
        {
            double lb = lp.VarLower[i], ub = lp.VarUpper[i];
            bound += d[i] > 0.0 ? d[i] * lb : d[i] * ub;
            magnitude += (Math.Abs(d[i]) + dMagnitude[i]) * Math.Max(Math.Abs(lb), Math.Abs(ub));
        }
        return SafeRounding.Down(bound, magnitude);
    }
}
