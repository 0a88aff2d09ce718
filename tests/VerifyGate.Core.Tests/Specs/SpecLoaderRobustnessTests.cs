using System.Text;
using CsCheck;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Tests.Specs;

public class SpecLoaderRobustnessTests
{
    private static readonly byte[] Seed = System.Text.Encoding.UTF8.GetBytes(SpecExamples.AllKinds);

    /// <summary>Damaged files (bytes replaced, deleted, invalid UTF-8 included) give diagnostics with
    /// positions inside the file, never an exception.</summary>
    [Fact]
    public void Damaged_files_never_throw()
    {
        var edits = Gen.Select(Gen.Int[0, Seed.Length - 1], Gen.Byte, Gen.Bool).Array[1, 6];
        edits.Sample(list =>
        {
            var bytes = new List<byte>(Seed);
            foreach (var (at, value, delete) in list)
            {
                int i = Math.Min(at, bytes.Count - 1);
                if (delete) bytes.RemoveAt(i);
                else bytes[i] = value;
            }
            int lines = bytes.Count(b => b == (byte)'\n') + 1;
            var (_, diagnostics) = SpecLoader.Load("fuzz.verify.json", [.. bytes]);
            return diagnostics.All(d => d.Line >= 1 && d.Line <= lines && d.Column >= 1);
        }, iter: 400);
    }

    [Fact]
    public void Invalid_utf8_is_malformed_at_the_bad_byte()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("{\n  \"model\": \"n\u00e9t.onnx\",\n  \"properties\": []\n}");
        int at = Array.IndexOf(bytes, (byte)'t'); // the byte after the two-byte é
        bytes[at - 2] = 0xED;                      // é's lead byte becomes a three-byte lead with a bad continuation
        var (file, diagnostics) = SpecLoader.Load("bad.verify.json", bytes);
        Assert.Null(file);
        var d = Assert.Single(diagnostics);
        Assert.Equal(SpecErrorCodes.MalformedJson, d.Code);
        Assert.Equal((2, 14), (d.Line, d.Column)); // where é was
    }
}
