namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>What an <see cref="SExpr"/> is: a parenthesised list or one token.</summary>
internal enum SExprKind
{
    List,
    /// <summary>A plain symbol or numeral, e.g. <c>X_0</c>, <c>assert</c>, <c>-2.5E+2</c>.</summary>
    Symbol,
    /// <summary>A <c>|quoted symbol|</c> (text without the bars); SMT-LIB names, never a number.</summary>
    QuotedSymbol,
    /// <summary>A <c>"string literal"</c> (text without the quotes), e.g. in <c>set-info</c>.</summary>
    String,
}

/// <summary>One S-expression of a VNN-LIB file with the 1-based position of its first character (the
/// <c>(</c> of a list); the reader needs positions for its diagnostics, not only the tree.</summary>
internal sealed class SExpr
{
    private SExpr(SExprKind kind, string text, List<SExpr>? items, SourcePosition at)
    {
        Kind = kind;
        Text = text;
        Items = items ?? [];
        At = at;
    }

    public SExprKind Kind { get; }

    /// <summary>The token's text; empty for a list.</summary>
    public string Text { get; }

    /// <summary>The list's elements; empty for a token.</summary>
    public List<SExpr> Items { get; }

    public SourcePosition At { get; }

    public bool IsList => Kind == SExprKind.List;

    /// <summary>The list's first element when it is a plain symbol (the operator or command), else null.</summary>
    public string? Head => IsList && Items.Count > 0 && Items[0].Kind == SExprKind.Symbol ? Items[0].Text : null;

    /// <summary>The operator of an application <c>(op ...)</c>, which must start with a plain symbol; reported
    /// as not being the <paramref name="expected"/> construct otherwise.</summary>
    public string Operator(string file, string expected)
    {
        if (Items.Count == 0)
            throw new VnnLibException(file, At.Line, At.Column, $"empty list '()': expected a {expected}");
        return Head ?? throw new VnnLibException(file, At.Line, At.Column,
            $"expected an operator after '(' but found {Items[0].Describe()}");
    }

    public static SExpr List(List<SExpr> items, SourcePosition at) => new(SExprKind.List, "", items, at);

    public static SExpr Token(SExprKind kind, string text, SourcePosition at) => new(kind, text, null, at);

    /// <summary>A short rendering for messages: the token, or the list's head (<c>(and ...)</c>).</summary>
    public string Describe() => Kind switch
    {
        SExprKind.List => Items.Count == 0 ? "()" : Items[0].IsList ? "((...) ...)" : $"({Items[0].Describe()} ...)",
        SExprKind.QuotedSymbol => $"|{Text}|",
        SExprKind.String => $"\"{Text}\"",
        _ => Text,
    };
}
