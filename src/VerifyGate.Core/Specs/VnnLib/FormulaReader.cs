using static VerifyGate.Core.Specs.VnnLib.DirectedRounding;
using static VerifyGate.Core.Specs.VnnLib.VnnLibVocabulary;

namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>Reads a formula of the subset (<c>and</c>, <c>or</c>, <c>&lt;=</c>, <c>&gt;=</c>) and sorts each atom
/// into an input bound, an output constraint or a constant. An atom must be over inputs only or outputs only, and
/// an input atom must bound a single input, because the reader produces input boxes. Folding that rounds moves a
/// bound outwards (the box and the unsafe sets can only grow by an ulp, never lose points); a rounded coefficient
/// is refused.</summary>
internal sealed class FormulaReader(string file, TermReader terms)
{
    public Formula Read(SExpr node)
    {
        if (!node.IsList)
        {
            if (node.Kind == SExprKind.Symbol && Unsupported.Contains(node.Text))
                throw Error(node.At, UnsupportedConstruct(node.Text));
            throw Error(node.At, $"expected a formula (<=, >=, and, or) but found {node.Describe()}");
        }
        string op = node.Operator(file, "formula");
        var args = node.Items;
        var head = args[0];
        switch (op)
        {
            case "and" or "or":
                if (args.Count < 2) throw Error(node.At, $"'{op}' needs at least one formula");
                var operands = new Formula[args.Count - 1];
                for (int i = 1; i < args.Count; i++) operands[i - 1] = Read(args[i]);
                return op == "and" ? new AndFormula(operands, node.At) : new OrFormula(operands, node.At);
            case "<=" or ">=":
                if (args.Count != 3) throw Error(node.At, $"'{op}' takes two terms (found {args.Count - 1})");
                var left = terms.Read(args[1]);
                var right = terms.Read(args[2]);
                return new AtomFormula(op == "<=" ? Atom(left, right, node.At) : Atom(right, left, node.At));
        }
        if (TermOperators.Contains(op))
            throw Error(head.At, $"'{op}' is a term; a formula (<=, >=, and, or) is expected here");
        if (Commands.Contains(op))
            throw Error(head.At, $"'{op}' is a command and cannot appear inside a formula (is a ')' missing before it?)");
        if (Unsupported.Contains(op))
            throw Error(head.At, UnsupportedConstruct(op));
        throw Error(head.At, $"unknown symbol '{op}'");
    }

    /// <summary>left ≤ right, as Σ c·v ≤ b with b the upper end of the folded constant's enclosure.</summary>
    private Constraint Atom(LinearTerm left, LinearTerm right, SourcePosition at)
    {
        var difference = left.Add(right.Negate());
        if (!difference.IsFinite)
            throw Error(at, "arithmetic overflow: the atom's value is beyond the range of a double");
        double bound = -difference.ConstantLow;
        VnnLibVariable? input = null, output = null;
        int inputCount = 0;
        foreach (var (variable, c) in difference.Coefficients)
        {
            if (!c.Exact)
                throw Error(at, $"the coefficient of {variable} is not exact in double precision after folding its numbers; write it as one number");
            if (variable.IsOutput)
            {
                if (output is null || variable.CompareTo(output.Value) < 0) output = variable;
            }
            else
            {
                inputCount++;
                if (input is null || variable.CompareTo(input.Value) < 0) input = variable;
            }
        }
        if (input is null && output is null) return new ConstantConstraint(Holds: bound >= 0, at);
        if (input is { } x && output is { } y)
            throw Error(at, $"unsupported atom mixing inputs and outputs ({x} and {y}): each <= or >= must be over inputs only or outputs only");
        if (inputCount > 1)
        {
            var names = difference.Coefficients.Keys.Order().Select(v => v.ToString());
            throw Error(at, $"unsupported input constraint over several inputs ({string.Join(", ", names)}): VerifyGate reads input boxes, bounds of single inputs");
        }
        if (input is { } single)
        {
            double c = difference.Coefficients[single].Value;
            double value = c > 0 ? DivUp(bound, c) : DivDown(bound, c);
            if (!double.IsFinite(value))
                throw Error(at, $"the bound of {single} is beyond the range of a double");
            return new InputBound(single.Index, IsUpper: c > 0, value + 0.0, at);
        }
        var terms = new (int Output, double Coefficient)[difference.Coefficients.Count];
        int k = 0;
        foreach (var (variable, c) in difference.Coefficients) terms[k++] = (variable.Index, c.Value);
        Array.Sort(terms);
        return new OutputConstraint(terms, bound + 0.0, at);
    }

    private VnnLibException Error(SourcePosition at, string reason) => new(file, at.Line, at.Column, reason);
}
