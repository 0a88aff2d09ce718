using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;

namespace VerifyGate.Core.Checking;

/// <summary>One of <see cref="Count"/> disjoint parts of a repository's properties (<c>2/3</c>: the second of three),
/// for a CI matrix whose jobs check a repository together. A property belongs to the part its key hashes to; the key
/// is the property file's path relative to the repository root (with '/') and the property's name, which is what its
/// test's full name is made of, so the parts are the same in every run, on every machine and in every host (CLI,
/// build gate, dotnet test), and the n parts of a run cover every property exactly once.</summary>
public sealed record Shard
{
    public int Index { get; }
    public int Count { get; }

    public Shard(int index, int count)
    {
        if (count < 1 || index < 1 || index > count) throw new ArgumentOutOfRangeException(nameof(index), $"a shard is i/n with 1 <= i <= n, not {index}/{count}");
        Index = index;
        Count = count;
    }

    /// <summary><c>i/n</c>, 1 ≤ i ≤ n; null for anything else.</summary>
    public static Shard? Parse(string? text)
    {
        if (text?.Split('/') is not [var i, var n]) return null;
        return int.TryParse(i.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
               && int.TryParse(n.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
               && count >= 1 && index >= 1 && index <= count
            ? new Shard(index, count)
            : null;
    }

    public const string Expected = "i/n with whole numbers 1 <= i <= n (for example 2/3)";

    public bool Contains(string relativeSpec, string property) => PartOf(relativeSpec, property, Count) == Index;

    /// <summary>The part (1 to <paramref name="count"/>) of a property file's property.</summary>
    public static int PartOf(string relativeSpec, string property, int count)
    {
        byte[] hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{relativeSpec.Replace('\\', '/')}\n{property}"));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count) + 1;
    }

    public override string ToString() => $"{Index}/{Count}";
}
