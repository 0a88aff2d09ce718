using System.Globalization;
using static VerifyGate.Core.Specs.VnnLib.VnnLibVocabulary;

namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>Folds a VNN-LIB term into a <see cref="LinearTerm"/>: numbers (decimal, with sign and exponent, such as
/// <c>-2.5E+2</c>), declared variables, <c>(+ t ...)</c>, <c>(- t)</c>, <c>(- t u ...)</c> and <c>(* ...)</c> with
/// at most one factor that is not a constant, so every term stays linear.</summary>
internal sealed class TermReader(string file, VnnLibDeclarations declarations)
{
    public LinearTerm Read(SExpr node)
    {
        var term = node.IsList ? ReadApplication(node) : ReadToken(node);
        if (!term.IsFinite)
            throw Error(node.At, "arithmetic overflow: the term's value is beyond the range of a double");
        return term;
    }

    private LinearTerm ReadToken(SExpr token)
    {
        if (token.Kind == SExprKind.String)
            throw Error(token.At, $"expected a term but found the string {token.Describe()}");
        if (token.Kind == SExprKind.Symbol && LooksNumeric(token.Text))
            return LinearTerm.Constant(ParseNumber(token));
        if (declarations.Resolve(token) is VnnLibVariable variable)
            return LinearTerm.Variable(variable);
        if (Unsupported.Contains(token.Text))
            throw Error(token.At, UnsupportedConstruct(token.Text));
        throw Error(token.At, $"unknown symbol '{token.Describe()}'");
    }

    private LinearTerm ReadApplication(SExpr list)
    {
        string op = list.Operator(file, "term");
        var args = list.Items;
        if (TermOperators.Contains(op) && args.Count < 2)
            throw Error(list.At, $"'{op}' needs at least one term");
        switch (op)
        {
            case "+":
            {
                var sum = Read(args[1]);
                for (int i = 2; i < args.Count; i++) sum.Add(Read(args[i]));
                return sum;
            }
            case "-":
            {
                var first = Read(args[1]);
                if (args.Count == 2) return first.Negate();
                for (int i = 2; i < args.Count; i++) first.Add(Read(args[i]).Negate());
                return first;
            }
            case "*":
                return ReadProduct(list);
        }
        var head = list.Items[0];
        if (FormulaOperators.Contains(op))
            throw Error(head.At, $"'{op}' is a formula; a term (number, variable, +, -, *) is expected here");
        if (Commands.Contains(op))
            throw Error(head.At, $"'{op}' is a command and cannot appear inside a term (is a ')' missing before it?)");
        if (Unsupported.Contains(op))
            throw Error(head.At, UnsupportedConstruct(op));
        throw Error(head.At, $"unknown symbol '{op}'");
    }

    private LinearTerm ReadProduct(SExpr list)
    {
        LinearTerm? variablePart = null;
        var constant = LinearTerm.Constant(1);
        for (int i = 1; i < list.Items.Count; i++)
        {
            var factor = Read(list.Items[i]);
            if (factor.IsConstant) constant.Multiply(factor);
            else if (variablePart is null) variablePart = factor;
            else throw Error(list.At, "non-linear product: '*' multiplies two terms with variables; one factor must be a constant");
        }
        return variablePart is null ? constant : variablePart.Multiply(constant);
    }

    /// <summary>Tokens that start like a number are numbers or malformed; they are never symbols.</summary>
    private static bool LooksNumeric(string text)
    {
        char c = text[0];
        if (char.IsAsciiDigit(c) || c == '.') return true;
        return (c == '-' || c == '+') && text.Length > 1 && (char.IsAsciiDigit(text[1]) || text[1] == '.');
    }

    private double ParseNumber(SExpr token)
    {
        string text = token.Text;
        if (!IsDecimal(text))
            throw Error(token.At, $"malformed number '{text}'");
        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
            throw Error(token.At, $"number '{text}' is beyond the range of a double");
        return value;
    }

    // [+-] digits [. digits] [(e|E) [+-] digits], with at least one mantissa digit ("5.", ".5" are accepted).
    private static bool IsDecimal(string text)
    {
        int i = 0, n = text.Length;
        if (i < n && text[i] is '+' or '-') i++;
        int mantissaDigits = SkipDigits(text, ref i);
        if (i < n && text[i] == '.')
        {
            i++;
            mantissaDigits += SkipDigits(text, ref i);
        }
        if (mantissaDigits == 0) return false;
        if (i < n && text[i] is 'e' or 'E')
        {
            i++;
            if (i < n && text[i] is '+' or '-') i++;
            if (SkipDigits(text, ref i) == 0) return false;
        }
        return i == n;
    }

    private static int SkipDigits(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i - start;
    }

    private VnnLibException Error(SourcePosition at, string reason) => new(file, at.Line, at.Column, reason);
}
