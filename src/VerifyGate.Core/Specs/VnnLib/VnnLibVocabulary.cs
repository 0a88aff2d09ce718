using System.Collections.Frozen;

namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>The words of the VNN-COMP subset the reader accepts, the commands it skips, and the SMT-LIB words it
/// knows but refuses (so that a refusal says "unsupported construct" rather than "unknown symbol").</summary>
internal static class VnnLibVocabulary
{
    public const string Subset = "VerifyGate reads the VNN-COMP subset (declare-const, assert, <=, >=, and, or, +, -, *)";

    /// <summary>Commands that do not change the property: solver settings and requests for a result.</summary>
    public static readonly FrozenSet<string> IgnoredCommands = new[]
    {
        "set-logic", "set-info", "set-option", "check-sat", "get-model", "exit",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Commands = new[] { "declare-const", "assert" }
        .Concat(IgnoredCommands).ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> FormulaOperators = new[] { "and", "or", "<=", ">=" }
        .ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> TermOperators = new[] { "+", "-", "*" }
        .ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Unsupported = new[]
    {
        // formulas and terms
        "<", ">", "=", "distinct", "not", "=>", "xor", "ite", "let", "forall", "exists", "!", "true", "false",
        "/", "div", "mod", "abs", "to_real", "to_int", "is_int", "_", "as",
        // commands
        "declare-fun", "define-fun", "define-fun-rec", "define-funs-rec", "define-const", "declare-sort", "define-sort",
        "declare-datatype", "declare-datatypes", "push", "pop", "reset", "reset-assertions", "check-sat-assuming",
        "get-value", "get-assignment", "get-assertions", "get-proof", "get-unsat-core", "get-unsat-assumptions",
        "get-info", "get-option", "echo", "assert-soft", "minimize", "maximize",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static string UnsupportedConstruct(string name) => $"unsupported construct '{name}': {Subset}";
}
