using System.Text;

namespace VerifyGate.Core.Specs.Json;

/// <summary>Turns byte offsets in a UTF-8 buffer into 1-based line/column positions.
/// Lines end at '\n' (as Utf8JsonReader counts them); columns count characters, not bytes.</summary>
internal sealed class LineIndex
{
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = [0];

    public LineIndex(byte[] utf8)
    {
        _utf8 = utf8;
        for (int i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n') _lineStarts.Add(i + 1);
    }

    public SourcePosition At(long byteOffset)
    {
        int offset = (int)Math.Clamp(byteOffset, 0, _utf8.Length);
        int line = _lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        return new SourcePosition(line + 1, ColumnOf(line, offset - _lineStarts[line]));
    }

    /// <summary>From a 0-based line number and 0-based byte position in that line (JsonException's form).</summary>
    public SourcePosition AtLineByte(long line0, long bytePositionInLine)
    {
        int line = (int)Math.Clamp(line0, 0, _lineStarts.Count - 1);
        int lineLength = (line + 1 < _lineStarts.Count ? _lineStarts[line + 1] : _utf8.Length) - _lineStarts[line];
        int bytes = (int)Math.Clamp(bytePositionInLine, 0, lineLength);
        return new SourcePosition(line + 1, ColumnOf(line, bytes));
    }

    private int ColumnOf(int line, int bytesIntoLine) =>
        System.Text.Encoding.UTF8.GetCharCount(_utf8, _lineStarts[line], bytesIntoLine) + 1;
}
