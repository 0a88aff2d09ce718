namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>A VNN-LIB property (the VNN-COMP format) in the form a verifier checks: a list of cases, each an input
/// box with the unsafe output sets reachable from it. The property holds when no case has an input x in its box
/// whose output y lies in one of the case's unsafe sets; a point that does is a counterexample.
/// Read by <see cref="VnnLibReader"/>; the top-level asserts are conjoined and brought to disjunctive normal
/// form, each disjunct split into its input bounds (a box) and its output atoms (one unsafe conjunction), and
/// disjuncts with the same box are merged into one case.</summary>
public sealed record VnnLibProperty(string File, int InputCount, int OutputCount, IReadOnlyList<VnnLibCase> Cases);

/// <summary>One input box and the unsafe output sets of that box: y is unsafe when it satisfies every atom of at
/// least one of <see cref="Unsafe"/>'s conjunctions. <see cref="Line"/> is where the box's first bound was read.</summary>
public sealed record VnnLibCase(double[] Lower, double[] Upper, IReadOnlyList<IReadOnlyList<VnnLibAtom>> Unsafe, int Line);

/// <summary>Σ_j Coefficients[j] · Y_j ≤ Bound (a VNN-LIB <c>&lt;=</c> or <c>&gt;=</c> over the outputs, constants
/// moved to the right-hand side).</summary>
public sealed record VnnLibAtom(double[] Coefficients, double Bound);

/// <summary>A VNN-LIB file that cannot be read: the line and column of the construct, and why.</summary>
public sealed class VnnLibException(string file, int line, int column, string message)
    : Exception($"{file}({line},{column}): {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Reason { get; } = message;
}
