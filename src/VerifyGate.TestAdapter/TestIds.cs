using System.Security.Cryptography;
using System.Text;

namespace VerifyGate.TestAdapter;

/// <summary>Test ids set explicitly, so that they are the same on every machine, in every run and in both
/// test platforms (VSTest's own default hashes the assembly's full path; the Microsoft.Testing.Platform bridge
/// uses the id as the test node's uid). The id depends on the test assembly's file name and the test's fully
/// qualified name only: moving the repository or building in another folder keeps it.</summary>
public static class TestIds
{
    public static Guid For(string source, string fullyQualifiedName)
    {
        string assembly = Path.GetFileName(source);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"verifygate/v1\n{assembly}\n{fullyQualifiedName}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        // RFC 9562 layout of a name-based id: version 5 in the high nibble of byte 6, variant 10 in byte 8.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
