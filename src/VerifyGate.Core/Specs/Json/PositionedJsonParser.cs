using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace VerifyGate.Core.Specs.Json;

/// <summary>Parses UTF-8 JSON into <see cref="JNode"/>s with the position of every token.
/// Comments and trailing commas are accepted (property files are hand-written).</summary>
internal static class PositionedJsonParser
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The root node, or null with the position and message of the syntax error.</summary>
    public static JNode? Parse(byte[] utf8, LineIndex lines, out SourcePosition errorPosition, out string errorMessage)
    {
        errorPosition = SourcePosition.FileStart;
        errorMessage = "";
        if (FirstInvalidUtf8(utf8) is int bad)
        {
            errorPosition = lines.At(bad);
            errorMessage = "the file is not valid UTF-8 text";
            return null;
        }
        try
        {
            var reader = new Utf8JsonReader(utf8, Options);
            if (!reader.Read())
            {
                errorMessage = "the file contains no JSON value";
                return null;
            }
            var root = ReadValue(ref reader, lines);
            if (reader.Read()) // the reader normally throws first; kept as a guard
            {
                errorPosition = lines.At(reader.TokenStartIndex);
                errorMessage = "unexpected content after the end of the JSON value";
                return null;
            }
            return root;
        }
        catch (JsonException e)
        {
            errorPosition = lines.AtLineByte(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            errorMessage = CleanMessage(e.Message);
            return null;
        }
        catch (TokenException e)
        {
            errorPosition = e.Position;
            errorMessage = e.Message;
            return null;
        }
    }

    /// <summary>A token the reader accepts but cannot turn into a value, at that token.</summary>
    private sealed class TokenException(SourcePosition position, string message) : Exception(message)
    {
        public SourcePosition Position { get; } = position;
    }

    /// <summary>The string's text; an escaped lone UTF-16 surrogate ("\ud800") passes the reader's syntax
    /// check but has no text, and GetString throws InvalidOperationException for it.</summary>
    private static string ReadString(ref Utf8JsonReader reader, SourcePosition position)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new TokenException(position, "a string contains an escaped lone UTF-16 surrogate (such as \\ud800), which is no character");
        }
    }

    private static JNode ReadValue(ref Utf8JsonReader reader, LineIndex lines)
    {
        var position = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<JMember>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var namePosition = lines.At(reader.TokenStartIndex);
                    string name = ReadString(ref reader, namePosition);
                    reader.Read();
                    members.Add(new JMember(name, namePosition, ReadValue(ref reader, lines)));
                }
                return new JObject(position, members);
            case JsonTokenType.StartArray:
                var items = new List<JNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    items.Add(ReadValue(ref reader, lines));
                return new JArray(position, items);
            case JsonTokenType.String:
                return new JString(position, ReadString(ref reader, position));
            case JsonTokenType.Number:
                return new JNumber(position, System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return new JBool(position, true);
            case JsonTokenType.False:
                return new JBool(position, false);
            case JsonTokenType.Null:
                return new JNull(position);
            default:
                throw new JsonException($"unexpected token {reader.TokenType}", null, null, null);
        }
    }

    /// <summary>Byte offset of the first invalid UTF-8 sequence (the reader would throw on it late and without a position).</summary>
    private static int? FirstInvalidUtf8(byte[] utf8)
    {
        if (Utf8.IsValid(utf8)) return null;
        var chars = new char[utf8.Length];
        Utf8.ToUtf16(utf8, chars, out int bytesRead, out _, replaceInvalidSequences: false);
        return bytesRead;
    }

    /// <summary>System.Text.Json appends "LineNumber: 2 | BytePositionInLine: 5." (0-based, bytes);
    /// the diagnostic carries the position itself, so drop that tail.</summary>
    private static string CleanMessage(string message)
    {
        int tail = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (tail >= 0 ? message[..tail] : message).Trim();
    }
}
