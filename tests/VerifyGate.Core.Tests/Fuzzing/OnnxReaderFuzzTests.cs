using System.Text.RegularExpressions;
using CsCheck;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Witnesses;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Fuzzing;

/// <summary>Truncated, bit-flipped, spliced and otherwise damaged ONNX files through the importer and, when it
/// accepts them, ONNX Runtime (as ModelStore and the witness oracle open them): either the model works or a
/// VerifyGateException names the file with a VG20xx code and a cause; no other exception escapes.</summary>
public class OnnxReaderFuzzTests(ITestOutputHelper output)
{
    public const double Share = 0.35;

    public static readonly Gen<(OnnxSeed Seed, OnnxMutation[] Mutations)> Cases =
        Gen.Select(Gen.OneOf([.. OnnxSeeds.All]), OnnxMutation.Gen.Array[1, 4]);

    [Fact]
    public void Damaged_models_are_refused_with_a_diagnostic_naming_the_file()
    {
        int imported = 0, refused = 0;
        RandomBudget.Fuzz.Sample(Cases, Share, c =>
        {
            var bytes = OnnxMutation.ApplyAll(c.Seed.Bytes, OnnxSeeds.Bytes, c.Mutations);
            string path = $"fuzzed/{c.Seed.Name}";
            if (Refused(path, () => OnnxImporter.Load(path, bytes)) is not { } model) { Interlocked.Increment(ref refused); return; }
            Interlocked.Increment(ref imported);
            if (Refused(path, () => new OnnxRuntimeModel(path, bytes)) is not { } runtime) return;
            using (runtime)
                Refused(path, () => runtime.Evaluate(new double[model.Network.InputSize]));
        }, c => $"{c.Seed} with {string.Join(", ", c.Mutations.Select(m => m.ToString()))}", output);
        output.WriteLine($"{imported} mutated models imported, {refused} refused");
    }

    /// <summary>The value, or null when a VerifyGateException refuses the input the way a user must see it.</summary>
    private static T? Refused<T>(string path, Func<T> read) where T : class
    {
        try
        {
            return read();
        }
        catch (VerifyGateException e)
        {
            var d = e.Diagnostic;
            Assert.Equal(path, d.File);
            Assert.Matches(new Regex("^VG20[0-9][0-9]$"), d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
            Assert.DoesNotContain("   at ", d.Message);
            return null;
        }
    }
}
