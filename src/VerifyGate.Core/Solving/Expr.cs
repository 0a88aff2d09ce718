namespace VerifyGate.Core.Solving;

/// <summary>A variable of a <see cref="MipModel"/>: just its index.</summary>
public readonly record struct Var(int Index);

/// <summary>What values a variable may take.</summary>
public enum VarKind : byte { Continuous, Integer, Binary }

/// <summary>A linear or quadratic expression Σ a_i x_i + Σ q_k x_i x_j + constant, built by
/// appending terms. Repeated terms are allowed; <see cref="MipModel"/> merges them when the
/// expression is added.</summary>
public sealed class Expr
{
    internal readonly List<int> LinVars = [];
    internal readonly List<double> LinCoefs = [];
    internal readonly List<int> QVars1 = [];
    internal readonly List<int> QVars2 = [];
    internal readonly List<double> QCoefs = [];

    public double Constant { get; set; }

    public bool IsLinear => QCoefs.Count == 0;

    public Expr Add(Var v, double coefficient = 1.0)
    {
        LinVars.Add(v.Index);
        LinCoefs.Add(coefficient);
        return this;
    }

    public Expr Add(double constant)
    {
        Constant += constant;
        return this;
    }

    /// <summary>Adds coefficient · a · b (a may equal b).</summary>
    public Expr AddProduct(Var a, Var b, double coefficient = 1.0)
    {
        QVars1.Add(a.Index);
        QVars2.Add(b.Index);
        QCoefs.Add(coefficient);
        return this;
    }

    public Expr AddSquare(Var a, double coefficient = 1.0) => AddProduct(a, a, coefficient);

    public static Expr Of(Var v, double coefficient = 1.0) => new Expr().Add(v, coefficient);

    /// <summary>Evaluates the expression at a point given as variable values.</summary>
    public double Evaluate(ReadOnlySpan<double> x)
    {
        double sum = Constant;
        for (int k = 0; k < LinVars.Count; k++) sum += LinCoefs[k] * x[LinVars[k]];
        for (int k = 0; k < QCoefs.Count; k++) sum += QCoefs[k] * x[QVars1[k]] * x[QVars2[k]];
        return sum;
    }
}
