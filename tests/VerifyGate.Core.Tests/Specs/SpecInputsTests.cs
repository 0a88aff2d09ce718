using VerifyGate.Core.Specs;
using VerifyGate.Core.Tests.Checking;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>The model paths a property file refers to, as build tools list them for incremental builds.</summary>
public class SpecInputsTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void The_model_and_every_reference_resolved_against_the_spec_folder_even_when_missing()
    {
        string spec = _ws.Write("a/m.verify.json", """
            {
              "model": "../models/g.onnx",
              "defaults": { "reference": "f.onnx" },
              "properties": [
                { "name": "one", "kind": "matching", "reference": "other/f2.onnx", "domain": { "lower": 0, "upper": 1 }, "atMost": 1 },
                { "name": "broken", "kind": "matching", "reference": "  ", "atMost": "nope" },
                { "name": "again", "kind": "matching", "reference": "../models/g.onnx" }
              ]
            }
            """);
        string Full(string relative) => Path.GetFullPath(Path.Combine(_ws.Root, relative));
        Assert.Equal([Full("models/g.onnx"), Full("a/f.onnx"), Full("a/other/f2.onnx")], SpecInputs.ModelPaths(spec));
    }

    [Fact]
    public void A_spec_without_model_names_the_model_of_its_own_name()
    {
        string spec = _ws.Write("controller.verify.json", """{ "properties": [] }""");
        Assert.Equal([Path.Combine(_ws.Root, "controller.onnx")], SpecInputs.ModelPaths(spec));
    }

    [Fact]
    public void A_malformed_or_missing_spec_refers_to_no_model()
    {
        Assert.Empty(SpecInputs.ModelPaths(_ws.Write("bad.verify.json", "{ \"model\": \"x.onnx\", ")));
        Assert.Empty(SpecInputs.ModelPaths(_ws.Write("array.verify.json", "[1, 2]")));
        Assert.Empty(SpecInputs.ModelPaths(Path.Combine(_ws.Root, "absent.verify.json")));
    }

    [Fact]
    public void Of_lists_specs_and_models_full_sorted_and_distinct()
    {
        string iris = Path.Combine(TestPaths.RepositoryRoot, "tests", "specs", "iris.verify.json");
        string bad = _ws.Write("bad.verify.json", "not json");
        string[] expected = [Path.GetFullPath(iris), Path.GetFullPath(bad), Path.GetFullPath(CheckWorkspace.Iris)];
        Array.Sort(expected, StringComparer.Ordinal);
        Assert.Equal(expected, SpecInputs.Of([iris, bad, iris]));
    }
}
