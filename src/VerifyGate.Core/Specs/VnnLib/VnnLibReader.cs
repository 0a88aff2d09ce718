namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>Reads VNN-LIB property files in the VNN-COMP "standard subset": Real <c>declare-const</c>s of inputs
/// <c>X_0..X_{n-1}</c> and outputs <c>Y_0..Y_{m-1}</c>, and <c>assert</c>s of <c>&lt;=</c>/<c>&gt;=</c> atoms over
/// linear terms joined by <c>and</c>/<c>or</c>. The asserts are conjoined and brought to disjunctive normal form;
/// each disjunct must bound every input (a box) and may constrain the outputs (an unsafe conjunction); disjuncts
/// with equal boxes are merged into one <see cref="VnnLibCase"/>. Solver commands that state nothing about the
/// network (<c>set-logic</c>, <c>set-info</c>, <c>set-option</c>, <c>check-sat</c>, <c>get-model</c>, a final
/// <c>exit</c>) are skipped. Everything else (negation, strict comparisons,
/// functions, other types, non-linear products) is refused with a <see cref="VnnLibException"/> at the construct,
/// rather than read approximately.</summary>
public static class VnnLibReader
{
    /// <summary>Reads the file; throws <see cref="VnnLibException"/> for anything it cannot read (a file that
    /// cannot be opened is reported at line 1, column 1).</summary>
    public static VnnLibProperty Read(string path, int? expectedInputs = null, int? expectedOutputs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new VnnLibException(path, 1, 1, $"cannot read the file: {e.Message}");
        }
        return Parse(text, path, expectedInputs, expectedOutputs);
    }

    /// <summary>Reads VNN-LIB <paramref name="text"/>; <paramref name="file"/> names it in the property and in
    /// diagnostics. <paramref name="expectedInputs"/> and <paramref name="expectedOutputs"/> are the model's
    /// numbers, checked against the declarations when given.</summary>
    public static VnnLibProperty Parse(string text, string file, int? expectedInputs = null, int? expectedOutputs = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var statements = SExprParser.Parse(text, file);
        if (statements.Count == 0)
            throw new VnnLibException(file, 1, 1, "the file is empty: it has no declare-const and no assert");
        var (declarations, asserts) = VnnLibStatements.Read(statements, file);
        declarations.Complete(expectedInputs, expectedOutputs);
        if (asserts.Count == 0)
            throw new VnnLibException(file, 1, 1, "the file has no assert: it states no property");
        var disjuncts = new Dnf(file).Expand(asserts);
        var cases = new VnnLibCases(file, declarations.InputCount, declarations.OutputCount).Build(disjuncts);
        return new VnnLibProperty(file, declarations.InputCount, declarations.OutputCount, cases);
    }
}
