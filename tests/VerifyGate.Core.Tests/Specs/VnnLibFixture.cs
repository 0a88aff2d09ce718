using VerifyGate.Core.Specs.VnnLib;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>Reads inline VNN-LIB texts. <see cref="Header"/> declares X_0 and Y_0 on line 1 and bounds X_0 to [0, 1]
/// on line 2, so a statement appended to it is on line 3.</summary>
internal static class VnnLibFixture
{
    public const string File = "inline.vnnlib";

    public const string Header = "(declare-const X_0 Real) (declare-const Y_0 Real)\n(assert (<= X_0 1)) (assert (>= X_0 0))\n";

    public static VnnLibProperty Parse(string text, int? inputs = null, int? outputs = null) =>
        VnnLibReader.Parse(text, File, inputs, outputs);

    /// <summary>The single case of a file, after checking there is only one.</summary>
    public static VnnLibCase OnlyCase(string text) => Assert.Single(Parse(text).Cases);

    /// <summary>Reading fails at this line and column with a reason containing <paramref name="fragment"/>.</summary>
    public static VnnLibException Fails(string text, int line, int column, string fragment, int? inputs = null, int? outputs = null)
    {
        var e = Assert.Throws<VnnLibException>(() => Parse(text, inputs, outputs));
        Assert.Equal(File, e.File);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(fragment, e.Reason);
        Assert.StartsWith($"{File}({line},{column}): ", e.Message);
        return e;
    }

    /// <summary>The coefficients of Y_plus − Y_minus over <paramref name="outputs"/> outputs.</summary>
    public static double[] Difference(int plus, int minus, int outputs)
    {
        var c = new double[outputs];
        c[plus] = 1;
        c[minus] = -1;
        return c;
    }

    public static void AssertAtom(VnnLibAtom atom, double[] coefficients, double bound)
    {
        Assert.Equal(coefficients, atom.Coefficients);
        Assert.Equal(bound, atom.Bound);
    }

    /// <summary>Each unsafe conjunction is a list of (plus, minus) pairs, each the atom Y_plus − Y_minus ≤ 0.</summary>
    public static void AssertDifferences(VnnLibCase @case, int outputs, params (int Plus, int Minus)[][] conjunctions)
    {
        Assert.Equal(conjunctions.Length, @case.Unsafe.Count);
        for (int k = 0; k < conjunctions.Length; k++)
        {
            Assert.Equal(conjunctions[k].Length, @case.Unsafe[k].Count);
            for (int a = 0; a < conjunctions[k].Length; a++)
                AssertAtom(@case.Unsafe[k][a], Difference(conjunctions[k][a].Plus, conjunctions[k][a].Minus, outputs), 0);
        }
    }
}
