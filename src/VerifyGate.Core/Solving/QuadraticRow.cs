namespace VerifyGate.Core.Solving;

/// <summary>lb &lt;= Σ LinCoefs[k]·x[LinVars[k]] + Σ QCoefs[k]·x[QVars1[k]]·x[QVars2[k]] &lt;= ub,
/// with merged terms (each variable, each unordered pair at most once; QVars1[k] &lt;= QVars2[k]).</summary>
public sealed record QuadraticRow(
    int[] LinVars, double[] LinCoefs, int[] QVars1, int[] QVars2, double[] QCoefs,
    double Lower, double Upper, string? Name)
{
    public double Evaluate(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int k = 0; k < LinVars.Length; k++) sum += LinCoefs[k] * x[LinVars[k]];
        for (int k = 0; k < QCoefs.Length; k++) sum += QCoefs[k] * x[QVars1[k]] * x[QVars2[k]];
        return sum;
    }
}
