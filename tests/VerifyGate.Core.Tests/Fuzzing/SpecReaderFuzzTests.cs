using CsCheck;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Specs;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Fuzzing;

/// <summary>Token- and byte-level mutations of real property files (deleted, duplicated and swapped tokens,
/// extreme numbers, other strings, truncations, BOMs and invalid UTF-8) through SpecLoader.Load and
/// SpecValidator.Resolve: no exception escapes, a file that does not load has an error, and every
/// diagnostic names the file at a line and column inside it.</summary>
public class SpecReaderFuzzTests(ITestOutputHelper output)
{
    public const double Share = 0.5;

    public static readonly Gen<(SpecSeed Seed, SpecMutation[] Mutations)> Cases =
        Gen.Select(Gen.OneOf([.. SpecSeeds.All]), SpecMutation.Gen.Array[1, 4]);

    private static readonly Dictionary<string, (int Inputs, int Outputs)> ModelSizes = new();

    [Fact]
    public void Mutated_property_files_give_positioned_diagnostics_and_never_throw()
    {
        RandomBudget.Fuzz.Sample(Cases, Share, c =>
        {
            var bytes = SpecMutation.ApplyAll(c.Seed.Text, c.Mutations);
            var (file, diagnostics) = SpecLoader.Load(c.Seed.Path, bytes);
            DiagnosticPositions.AssertInside(diagnostics, c.Seed.Path, bytes);
            if (file is null) Assert.Contains(diagnostics, d => !d.IsWarning);
            foreach (var property in file?.Properties ?? [])
            {
                var (inputs, outputs) = SizesOf(file!.ModelPath);
                var (_, problems) = SpecValidator.Resolve(property, inputs, outputs);
                DiagnosticPositions.AssertInside(problems, c.Seed.Path, bytes);
            }
        }, c => SpecMutation.Describe(c.Seed, c.Mutations), output);
    }

    /// <summary>Found by the fuzzer: System.Text.Json accepts the escape but cannot decode it (it threw
    /// InvalidOperationException out of SpecLoader.Load).</summary>
    [Fact]
    public void Escaped_lone_surrogate_is_malformed_json_at_its_string()
    {
        var (file, diagnostics) = SpecLoader.Load("surrogate.verify.json", "{\n  \"model\": \"\\ud800.onnx\",\n  \"properties\": []\n}"u8.ToArray());
        Assert.Null(file);
        var d = Assert.Single(diagnostics);
        Assert.Equal((SpecErrorCodes.MalformedJson, 2, 12), (d.Code, d.Line, d.Column));
        Assert.Contains("surrogate", d.Message);
    }

    /// <summary>Found by the fuzzer: Path.GetFullPath threw ArgumentException ("Null character in path") out of
    /// SpecLoader.Load for a model, or a matching reference, named "\u0000".</summary>
    [Theory]
    [InlineData("\"model\": \"\\u0000\", \"properties\": []", 1, 12)]
    [InlineData("\"model\": \"controller.onnx\", \"properties\": [{ \"name\": \"m\", \"kind\": \"matching\", \"reference\": \"a\\u0000b\", " +
                "\"domain\": { \"lower\": 0, \"upper\": 1 }, \"atMost\": 1 }]", 1, 94)]
    public void Nul_character_in_a_model_path_is_an_invalid_value(string members, int line, int column)
    {
        var (_, diagnostics) = SpecLoader.Load(Path.Combine(SpecSeeds.SampleModels, "nul.verify.json"), System.Text.Encoding.UTF8.GetBytes("{ " + members + " }"));
        var d = Assert.Single(diagnostics, d => d.Code == SpecErrorCodes.InvalidValue);
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Contains("not a file path", d.Message);
    }

    /// <summary>The model's sizes when it imports; else sizes that let the validator run anyway.</summary>
    private static (int Inputs, int Outputs) SizesOf(string modelPath)
    {
        lock (ModelSizes)
        {
            if (ModelSizes.TryGetValue(modelPath, out var sizes)) return sizes;
            try
            {
                var network = OnnxImporter.Load(modelPath).Network;
                sizes = (network.InputSize, network.OutputSize);
            }
            catch (VerifyGateException)
            {
                sizes = (2, 1);
            }
            return ModelSizes[modelPath] = sizes;
        }
    }
}
