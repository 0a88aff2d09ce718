using CsCheck;
using VerifyGate.Core.Checking;
using Xunit.Abstractions;

namespace VerifyGate.Core.Tests.Fuzzing;

/// <summary>Mutated sample property files through the whole checker up to the solve (a fake runner per
/// kind): every result comes back, none throws, and every error's diagnostics are positioned in the file.</summary>
public sealed class CheckerFuzzTests(ITestOutputHelper output) : IDisposable
{
    public const double Share = 0.15;

    private readonly string _folder = CopySampleModels();

    public static readonly Gen<(SpecSeed Seed, SpecMutation[] Mutations)> Cases =
        Gen.Select(Gen.OneOf([.. SpecSeeds.Samples]), SpecMutation.Gen.Array[1, 3]);

    [Fact]
    public void Mutated_sample_files_check_to_positioned_errors_and_never_throw()
    {
        var checker = new Checker(FakeRunner.All);
        var options = new CheckOptions { UseCache = false };
        RandomBudget.Fuzz.Sample(Cases, Share, c =>
        {
            var bytes = SpecMutation.ApplyAll(c.Seed.Text, c.Mutations);
            string path = Path.Combine(_folder, Path.GetFileName(c.Seed.Path));
            File.WriteAllBytes(path, bytes);
            foreach (var result in checker.CheckFile(path, options))
            {
                if (result.Outcome == Outcome.Error) Assert.NotEmpty(result.Diagnostics);
                DiagnosticPositions.AssertInside(result.Diagnostics, path, bytes);
            }
        }, c => SpecMutation.Describe(c.Seed, c.Mutations), output);
    }

    private static string CopySampleModels()
    {
        string folder = Path.Combine(Path.GetTempPath(), "verifygate-fuzz", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (string model in Directory.GetFiles(SpecSeeds.SampleModels, "*.onnx"))
            File.Copy(model, Path.Combine(folder, Path.GetFileName(model)));
        return folder;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
