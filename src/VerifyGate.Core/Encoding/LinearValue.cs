using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Encoding;

/// <summary>The value of one network quantity inside a MIP: Coefficient · x[Variable] + Constant, or a
/// constant when <see cref="Variable"/> is null. Stable neurons alias their input this way instead
/// of getting variables of their own.</summary>
public readonly record struct LinearValue(Var? Variable, double Coefficient, double Constant)
{
    public static LinearValue Of(Var v) => new(v, 1.0, 0.0);
    public static LinearValue ConstantValue(double c) => new(null, 0.0, c);

    public LinearValue Scale(double factor) => new(Variable, Coefficient * factor, Constant * factor);

    /// <summary>Adds factor · this to an expression.</summary>
    public void AddTo(Expr expr, double factor)
    {
        if (Variable is Var v && Coefficient != 0.0) expr.Add(v, factor * Coefficient);
        expr.Constant += factor * Constant;
    }

    public double ValueAt(ReadOnlySpan<double> solution) =>
        Constant + (Variable is Var v ? Coefficient * solution[v.Index] : 0.0);
}
