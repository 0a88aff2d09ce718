using static VerifyGate.Core.Specs.VnnLib.VnnLibVocabulary;

namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>Reads a file's statements in order: <c>declare-const</c> into the declarations and <c>assert</c> into
/// formulas. <c>set-logic</c>, <c>set-info</c>, <c>set-option</c>, <c>check-sat</c>, <c>get-model</c> and
/// <c>exit</c> are skipped (they set up a solver or ask it for an answer; they state nothing about the network),
/// but <c>exit</c> must come last, since a solver would not read past it.</summary>
internal static class VnnLibStatements
{
    public static (VnnLibDeclarations Declarations, List<Formula> Asserts) Read(List<SExpr> statements, string file)
    {
        var declarations = new VnnLibDeclarations(file);
        var formulas = new FormulaReader(file, new TermReader(file, declarations));
        var asserts = new List<Formula>();
        for (int s = 0; s < statements.Count; s++)
        {
            var statement = statements[s];
            if (!statement.IsList)
                throw Error(file, statement.At, $"expected a statement such as (assert ...) but found {statement.Describe()}");
            string command = statement.Operator(file, "statement");
            var head = statement.Items[0];
            switch (command)
            {
                case "declare-const":
                    declarations.Declare(statement);
                    continue;
                case "assert":
                    if (statement.Items.Count != 2) throw Error(file, statement.At, "assert takes one formula");
                    asserts.Add(formulas.Read(statement.Items[1]));
                    continue;
                case "exit" when s + 1 < statements.Count:
                    throw Error(file, statements[s + 1].At, "statement after (exit): a solver stops reading at (exit)");
            }
            if (IgnoredCommands.Contains(command)) continue;
            if (Unsupported.Contains(command))
                throw Error(file, head.At, UnsupportedConstruct(command));
            throw Error(file, head.At, $"unknown command '{command}': {Subset}");
        }
        return (declarations, asserts);
    }

    private static VnnLibException Error(string file, SourcePosition at, string reason) => new(file, at.Line, at.Column, reason);
}
