using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>Robustness properties that name a VNN-LIB file: read into cases of the kind (the unsafe conjunctions
/// negated into strict clauses), with diagnostics in the property file or, for the VNN-LIB file's own mistakes, at
/// their line in that file.</summary>
public sealed class RobustnessVnnLibSpecTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "verifygate-vnnlib-spec-tests", Guid.NewGuid().ToString("N"));

    public RobustnessVnnLibSpecTests()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(Path.Combine(_folder, "net.onnx"), []);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (SpecFile? File, IReadOnlyList<Diagnostic> Diagnostics) Load(string vnnlibField, string extra = "")
    {
        string path = Path.Combine(_folder, "net.verify.json");
        File.WriteAllText(path, $$"""
            {
              "model": "net.onnx",
              "properties": [
                { "name": "p", "kind": "robustness", {{extra}}"vnnlib": {{vnnlibField}} }
              ]
            }
            """);
        return SpecLoader.Load(path);
    }

    private static string Quoted(string path) => "\"" + path.Replace("\\", "\\\\") + "\"";

    [Fact]
    public void Acas_property_2_is_one_box_whose_clause_asks_some_output_above_the_first()
    {
        var (file, diagnostics) = Load(Quoted(TestPaths.Model("acasxu/prop_2.vnnlib")));
        Assert.Empty(diagnostics);
        var (resolved, errors) = SpecValidator.Resolve(Assert.Single(file!.Properties), 5, 5);
        Assert.Empty(errors);
        var c = Assert.Single(resolved!.Cases!);
        Assert.Equal([0.6, -0.5, -0.5, 0.45, -0.5], c.Lower);
        var clause = Assert.Single(c.Condition.Clauses);
        Assert.Equal(4, clause.Atoms.Count);
        Assert.All(clause.Atoms, a => Assert.True(a.Strict));
        Assert.True(c.Condition.Holds([0, 1, 0, 0, 0]));   // Y_1 > Y_0: not the unsafe set
        Assert.False(c.Condition.Holds([1, 0, 0, 0, 0]));  // Y_0 the largest: unsafe
        Assert.False(c.Condition.Holds([1, 1, 0, 0, 0]));  // a tie meets every <= of the unsafe set
    }

    [Fact]
    public void Acas_property_6_has_two_boxes()
    {
        var (file, _) = Load(Quoted(TestPaths.Model("acasxu/prop_6.vnnlib")));
        var (resolved, errors) = SpecValidator.Resolve(Assert.Single(file!.Properties), 5, 5);
        Assert.Empty(errors);
        Assert.Equal(2, resolved!.Cases!.Count);
        Assert.Equal(0.11140846, resolved.Cases[0].Lower[1]);
        Assert.Equal(-0.11140846, resolved.Cases[1].Upper[1]);
        Assert.Equal(-0.499999896, resolved.Lower[1]);  // the hull of both boxes
        Assert.Equal(0.499999896, resolved.Upper[1]);
    }

    [Fact]
    public void A_missing_file_is_reported_at_its_name()
    {
        var (_, diagnostics) = Load("\"nowhere.vnnlib\"");
        var d = Assert.Single(diagnostics);
        Assert.Equal(SpecErrorCodes.VnnLibNotFound, d.Code);
        Assert.Equal((4, 52), (d.Line, d.Column));  // the file name's string
    }

    [Fact]
    public void A_domain_beside_a_vnnlib_file_is_an_error()
    {
        File.WriteAllText(Path.Combine(_folder, "p.vnnlib"), "");
        var (_, diagnostics) = Load("\"p.vnnlib\"", "\"domain\": { \"lower\": 0, \"upper\": 1 }, ");
        Assert.Equal(SpecErrorCodes.ConditionCount, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void A_construct_outside_the_subset_is_reported_at_its_line_in_the_vnnlib_file()
    {
        string vnnlib = Path.Combine(_folder, "p.vnnlib");
        File.WriteAllText(vnnlib, "(declare-const X_0 Real)\n(declare-const Y_0 Real)\n(assert (<= X_0 1))\n(assert (>= X_0 0))\n(assert (not (<= Y_0 0)))\n");
        var (file, diagnostics) = Load("\"p.vnnlib\"");
        Assert.Empty(diagnostics);
        var (resolved, errors) = SpecValidator.Resolve(Assert.Single(file!.Properties), 1, 1);
        Assert.Null(resolved);
        var d = Assert.Single(errors);
        Assert.Equal(SpecErrorCodes.VnnLibInvalid, d.Code);
        Assert.Equal(vnnlib, d.File);
        Assert.Equal(5, d.Line);
        Assert.Contains("'not'", d.Message);
        Assert.Contains("property 'p'", d.Message);
    }

    [Fact]
    public void Variable_counts_that_differ_from_the_model_are_reported()
    {
        var (file, _) = Load(Quoted(TestPaths.Model("acasxu/prop_1.vnnlib")));
        var (_, errors) = SpecValidator.Resolve(Assert.Single(file!.Properties), 784, 10);
        var d = Assert.Single(errors);
        Assert.Equal(SpecErrorCodes.VnnLibInvalid, d.Code);
        Assert.Contains("784", d.Message);
    }
}
