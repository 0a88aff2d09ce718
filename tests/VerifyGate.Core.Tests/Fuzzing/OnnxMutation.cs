using CsCheck;

namespace VerifyGate.Core.Tests.Fuzzing;

public enum OnnxEdit { Truncate, FlipByte, SetByte, Splice, InsertBytes, DeleteRange, DuplicateRange }

/// <summary>One byte-level edit of an ONNX file; <see cref="A"/> and <see cref="B"/> are offsets, values or
/// lengths taken modulo what the edit needs (a splice joins the file's head to another seed's tail).</summary>
public sealed record OnnxMutation(OnnxEdit Edit, int A, int B)
{
    public static readonly Gen<OnnxMutation> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Enum<OnnxEdit>(), CsCheck.Gen.Int[0, 1_000_000], CsCheck.Gen.Int[0, 1_000_000], (e, a, b) => new OnnxMutation(e, a, b));

    public static byte[] ApplyAll(byte[] seed, IReadOnlyList<byte[]> others, IReadOnlyList<OnnxMutation> mutations)
    {
        var bytes = seed;
        foreach (var m in mutations) bytes = m.Apply(bytes, others);
        return bytes;
    }

    public byte[] Apply(byte[] bytes, IReadOnlyList<byte[]> others)
    {
        int n = bytes.Length;
        int at = n == 0 ? 0 : A % n;
        return Edit switch
        {
            OnnxEdit.Truncate => bytes[..(A % (n + 1))],
            OnnxEdit.FlipByte when n > 0 => With(bytes, at, (byte)(bytes[at] ^ (1 + B % 255))),
            OnnxEdit.SetByte when n > 0 => With(bytes, at, (byte)(B % 256)),
            OnnxEdit.Splice => Splice(bytes, others[B % others.Count]),
            OnnxEdit.InsertBytes => [.. bytes[..at], .. new Random(B).GetItems<byte>(Enumerable.Range(0, 256).Select(v => (byte)v).ToArray(), 1 + B % 16), .. bytes[at..]],
            OnnxEdit.DeleteRange => [.. bytes[..at], .. bytes[Math.Min(n, at + 1 + B % 64)..]],
            OnnxEdit.DuplicateRange => [.. bytes[..at], .. bytes[at..Math.Min(n, at + 1 + B % 64)], .. bytes[at..]],
            _ => bytes,
        };
    }

    private static byte[] With(byte[] bytes, int at, byte value)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] = value;
        return copy;
    }

    private byte[] Splice(byte[] head, byte[] tail) =>
        [.. head[..(A % (head.Length + 1))], .. tail[(B % (tail.Length + 1))..]];

    public override string ToString() => $"{Edit}({A}, {B})";
}
