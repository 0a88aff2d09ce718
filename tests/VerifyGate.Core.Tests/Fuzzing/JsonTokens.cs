namespace VerifyGate.Core.Tests.Fuzzing;

public enum JsonTokenKind { Space, String, Word, Punctuation }

public sealed record JsonToken(JsonTokenKind Kind, string Text);

/// <summary>Splits JSON text into tokens for token-level mutations: whitespace runs, strings (with their
/// quotes and escapes), words (numbers, true/false/null) and single punctuation characters.</summary>
public static class JsonTokens
{
    public static List<JsonToken> Split(string text)
    {
        var tokens = new List<JsonToken>();
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            char c = text[i];
            JsonTokenKind kind;
            if (char.IsWhiteSpace(c))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                kind = JsonTokenKind.Space;
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
                i = Math.Min(i + 1, text.Length);
                kind = JsonTokenKind.String;
            }
            else if (char.IsLetterOrDigit(c) || c is '-' or '+' or '.')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '+' or '.')) i++;
                kind = JsonTokenKind.Word;
            }
            else
            {
                i++;
                kind = JsonTokenKind.Punctuation;
            }
            tokens.Add(new JsonToken(kind, text[start..i]));
        }
        return tokens;
    }
}
