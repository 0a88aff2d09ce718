namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>Reads the S-expressions of a VNN-LIB (SMT-LIB) text: lists, symbols and numerals, <c>|quoted
/// symbols|</c> and <c>"strings"</c> (so that ignored commands such as <c>set-info</c> may hold any text);
/// <c>;</c> starts a comment to the end of the line. One pass over the text with an explicit stack of open lists,
/// so a large file costs linear time; nesting is limited to <see cref="MaxDepth"/> levels because the readers of
/// the tree recurse.</summary>
internal static class SExprParser
{
    public const int MaxDepth = 200;

    public static List<SExpr> Parse(string text, string file)
    {
        var top = new List<SExpr>();
        var open = new Stack<(List<SExpr> Items, SourcePosition At)>();
        int line = 1, lineStart = 0, i = 0;

        void Add(SExpr node) => (open.Count > 0 ? open.Peek().Items : top).Add(node);

        // Moves past the closing delimiter of a quoted symbol or string that starts at i, counting its line ends.
        string ReadDelimited(char delimiter, bool doubledEscapes, SourcePosition at, string what)
        {
            var content = new System.Text.StringBuilder();
            for (i++; i < text.Length; i++)
            {
                char c = text[i];
                if (c == delimiter)
                {
                    if (doubledEscapes && i + 1 < text.Length && text[i + 1] == delimiter) { content.Append(c); i++; continue; }
                    i++;
                    return content.ToString();
                }
                if (c == '\n') { line++; lineStart = i + 1; }
                content.Append(c);
            }
            throw new VnnLibException(file, at.Line, at.Column, $"unterminated {what}: no closing {delimiter} before the end of the file");
        }

        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n') { line++; lineStart = ++i; continue; }
            if (char.IsWhiteSpace(c) || c == '\uFEFF') { i++; continue; }
            var at = new SourcePosition(line, i - lineStart + 1);
            switch (c)
            {
                case ';':
                    while (i < text.Length && text[i] != '\n') i++;
                    break;
                case '(':
                    if (open.Count >= MaxDepth)
                        throw new VnnLibException(file, at.Line, at.Column, $"nesting deeper than {MaxDepth} levels");
                    open.Push(([], at));
                    i++;
                    break;
                case ')':
                    if (open.Count == 0)
                        throw new VnnLibException(file, at.Line, at.Column, "unbalanced ')': no '(' is open here");
                    var (items, start) = open.Pop();
                    Add(SExpr.List(items, start));
                    i++;
                    break;
                case '|':
                    Add(SExpr.Token(SExprKind.QuotedSymbol, ReadDelimited('|', false, at, "quoted symbol"), at));
                    break;
                case '"':
                    Add(SExpr.Token(SExprKind.String, ReadDelimited('"', true, at, "string"), at));
                    break;
                default:
                    int begin = i;
                    while (i < text.Length && !EndsToken(text[i])) i++;
                    Add(SExpr.Token(SExprKind.Symbol, text[begin..i], at));
                    break;
            }
        }
        if (open.Count > 0)
        {
            var unclosed = open.Peek().At;
            throw new VnnLibException(file, unclosed.Line, unclosed.Column,
                $"unclosed '(': the file ends with {open.Count} ')' missing");
        }
        return top;
    }

    private static bool EndsToken(char c) => char.IsWhiteSpace(c) || c is '(' or ')' or ';' or '"' or '|';
}
