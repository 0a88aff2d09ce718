using System.Runtime.InteropServices;
using static VerifyGate.Core.Specs.VnnLib.DirectedRounding;

namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>A linear term Σ c_v · v + k folded from a VNN-LIB term. Folding sums and products of numbers can round,
/// so the constant k is kept as an interval [<see cref="ConstantLow"/>, <see cref="ConstantHigh"/>] that encloses
/// the exact value; a coefficient that was rounded is marked inexact instead, because a rounded coefficient tilts a
/// constraint and no enclosure by one half-space makes up for that. Terms are changed in place while folded: the
/// reader builds a fresh one for every node.</summary>
internal sealed class LinearTerm
{
    private readonly Dictionary<VnnLibVariable, Coefficient> _coefficients = [];

    private LinearTerm(double low, double high)
    {
        ConstantLow = low;
        ConstantHigh = high;
    }

    public double ConstantLow { get; private set; }

    public double ConstantHigh { get; private set; }

    /// <summary>The non-zero coefficients (zero ones are dropped, so <c>X_0 - X_0</c> is the constant 0).</summary>
    public IReadOnlyDictionary<VnnLibVariable, Coefficient> Coefficients => _coefficients;

    public bool IsConstant => _coefficients.Count == 0;

    public bool IsFinite
    {
        get
        {
            if (!double.IsFinite(ConstantLow) || !double.IsFinite(ConstantHigh)) return false;
            foreach (var c in _coefficients.Values)
                if (!double.IsFinite(c.Value)) return false;
            return true;
        }
    }

    public static LinearTerm Constant(double value) => new(value, value);

    public static LinearTerm Variable(VnnLibVariable variable)
    {
        var term = new LinearTerm(0, 0);
        term._coefficients[variable] = new Coefficient(1, Exact: true);
        return term;
    }

    public LinearTerm Add(LinearTerm other)
    {
        foreach (var (variable, c) in other._coefficients)
        {
            if (!_coefficients.TryGetValue(variable, out var mine))
            {
                _coefficients[variable] = c;
                continue;
            }
            double sum = mine.Value + c.Value;
            bool exact = mine.Exact && c.Exact && AddIsExact(mine.Value, c.Value);
            if (sum == 0 && exact) _coefficients.Remove(variable);
            else _coefficients[variable] = new Coefficient(sum, exact);
        }
        ConstantLow = AddDown(ConstantLow, other.ConstantLow);
        ConstantHigh = AddUp(ConstantHigh, other.ConstantHigh);
        return this;
    }

    public LinearTerm Negate()
    {
        foreach (var variable in _coefficients.Keys)
        {
            ref var c = ref CollectionsMarshal.GetValueRefOrNullRef(_coefficients, variable); // no version change
            c = c with { Value = -c.Value };
        }
        (ConstantLow, ConstantHigh) = (-ConstantHigh, -ConstantLow);
        return this;
    }

    /// <summary>Multiplies by a constant term (the caller checks that <paramref name="factor"/> has no variables).</summary>
    public LinearTerm Multiply(LinearTerm factor)
    {
        double low = factor.ConstantLow, high = factor.ConstantHigh;
        foreach (var variable in _coefficients.Keys)
        {
            // changing a value through its ref and Remove do not invalidate the enumeration
            ref var c = ref CollectionsMarshal.GetValueRefOrNullRef(_coefficients, variable);
            bool exact = c.Exact && low == high && MulIsExact(c.Value, low);
            double product = c.Value * low;
            if (product == 0 && exact) _coefficients.Remove(variable);
            else c = new Coefficient(product, exact);
        }
        (ConstantLow, ConstantHigh) = (
            Math.Min(Math.Min(MulDown(ConstantLow, low), MulDown(ConstantLow, high)),
                     Math.Min(MulDown(ConstantHigh, low), MulDown(ConstantHigh, high))),
            Math.Max(Math.Max(MulUp(ConstantLow, low), MulUp(ConstantLow, high)),
                     Math.Max(MulUp(ConstantHigh, low), MulUp(ConstantHigh, high))));
        return this;
    }
}

/// <summary>A coefficient of a <see cref="LinearTerm"/>; <see cref="Exact"/> is false when folding it rounded.</summary>
internal readonly record struct Coefficient(double Value, bool Exact);
