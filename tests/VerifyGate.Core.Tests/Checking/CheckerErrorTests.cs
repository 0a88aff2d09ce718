using VerifyGate.Core.Checking;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Tests.Checking;

/// <summary>Everything that makes a property unusable becomes an error result at the right token, and
/// never stops the other properties and files.</summary>
public class CheckerErrorTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();
    private readonly Checker _checker = new();

    public void Dispose() => _ws.Dispose();

    private static int ColumnAfter(string path, int line, string marker) => CheckerOutcomeTests.ColumnAfter(path, line, marker);

    [Fact]
    public void A_missing_model_is_an_error_for_every_property_at_the_model_token()
    {
        string spec = _ws.Spec("m.verify.json", "nowhere.onnx", CheckWorkspace.Lipschitz("p1", 10), CheckWorkspace.Lipschitz("p2", 10));
        var results = _checker.Check([spec], _ws.Options);

        Assert.Equal(["p1", "p2"], results.Select(r => r.Property));
        Assert.All(results, r =>
        {
            Assert.Equal(Outcome.Error, r.Outcome);
            var d = Assert.IsType<Diagnostic>(r.Diagnostic);
            Assert.Equal(SpecErrorCodes.ModelNotFound, d.Code);
            Assert.Equal((2, ColumnAfter(spec, 2, "\"model\": ")), (d.Line, d.Column));
            Assert.Contains("nowhere.onnx", r.Message);
        });
        Assert.Equal(4, results[0].Line);
        Assert.Equal(5, results[1].Line);
    }

    [Fact]
    public void An_unsupported_operator_is_an_error_naming_it_at_the_model_token()
    {
        string spec = _ws.Spec("s.verify.json", CheckWorkspace.Sigmoid, CheckWorkspace.Lipschitz("p", 10));
        var r = Assert.Single(_checker.Check([spec], _ws.Options));

        Assert.Equal(Outcome.Error, r.Outcome);
        var d = Assert.IsType<Diagnostic>(r.Diagnostic);
        Assert.Equal("VG2003", d.Code);
        Assert.Equal(spec, d.File);
        Assert.Equal((2, ColumnAfter(spec, 2, "\"model\": ")), (d.Line, d.Column));
        Assert.Contains("Sigmoid", d.Message);
        Assert.Contains("ffnnSIGMOID__Point_6x200.onnx", d.Message);
    }

    [Fact]
    public void A_malformed_file_is_one_file_level_error_and_the_good_files_still_run()
    {
        string bad = _ws.Write("a.verify.json", "{ \"model\": \"x.onnx\", \"properties\": [ { \"name\": ");
        _ws.Spec("b.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("good", 100));
        var results = _checker.Check([_ws.Root], _ws.Options);

        Assert.Equal(2, results.Count);
        Assert.Equal(Outcome.Error, results[0].Outcome);
        Assert.Equal(CheckResult.FileLevel, results[0].Property);
        Assert.Equal(bad, results[0].File);
        Assert.Equal(SpecErrorCodes.MalformedJson, results[0].Diagnostic!.Code);
        Assert.Equal(Outcome.Passed, results[1].Outcome);
        Assert.Equal("good", results[1].Property);
    }

    [Fact]
    public void A_missing_path_is_a_file_level_error()
    {
        var r = Assert.Single(_checker.Check([Path.Combine(_ws.Root, "gone.verify.json")], _ws.Options));
        Assert.Equal(Outcome.Error, r.Outcome);
        Assert.Equal(SpecErrorCodes.FileUnreadable, r.Diagnostic!.Code);
    }

    [Fact]
    public void A_bad_property_is_an_error_in_place_and_its_neighbours_still_run()
    {
        string spec = _ws.Spec("p.verify.json", CheckWorkspace.Iris,
            CheckWorkspace.Lipschitz("first", 100),
            "{ \"name\": \"bad\", \"kind\": \"lipschitz\", \"domain\": { \"lower\": 0, \"upper\": 1 }, \"atMost\": \"forty\" }",
            CheckWorkspace.Lipschitz("third", 100));
        var results = _checker.Check([spec], _ws.Options);

        Assert.Equal(["first", "bad", "third"], results.Select(r => r.Property));
        Assert.Equal([Outcome.Passed, Outcome.Error, Outcome.Passed], results.Select(r => r.Outcome));
        var d = results[1].Diagnostic!;
        Assert.Equal(SpecErrorCodes.WrongType, d.Code);
        Assert.Equal((5, ColumnAfter(spec, 5, "\"atMost\": ")), (d.Line, d.Column));
        Assert.Equal("lipschitz", results[1].Kind);
    }

    [Fact]
    public void A_domain_of_the_wrong_size_is_reported_against_the_model()
    {
        string spec = _ws.Spec("v.verify.json", CheckWorkspace.Iris,
            "{ \"name\": \"short\", \"kind\": \"lipschitz\", \"domain\": { \"lower\": [0, 0, 0], \"upper\": [1, 1, 1] }, \"atMost\": 100 }");
        var r = Assert.Single(_checker.Check([spec], _ws.Options));
        Assert.Equal(Outcome.Error, r.Outcome);
        Assert.Equal(SpecErrorCodes.DomainSizeMismatch, r.Diagnostic!.Code);
        Assert.Contains("4 inputs", r.Message);
    }

    [Fact]
    public void A_kind_without_an_engine_is_an_error_at_its_kind_token()
    {
        string spec = _ws.Spec("k.verify.json", CheckWorkspace.Iris,
            "{ \"name\": \"inv\", \"kind\": \"invertibility\", \"domain\": { \"lower\": 0, \"upper\": 1 }, \"atMost\": 0.1 }");
        var lipschitzOnly = new Checker([new VerifyGate.Core.Checking.Runners.LipschitzRunner()]);
        var r = Assert.Single(lipschitzOnly.Check([spec], _ws.Options));
        Assert.Equal(Outcome.Error, r.Outcome);
        Assert.Equal("invertibility", r.Kind);
        Assert.Equal(CheckCodes.KindNotImplemented, r.Diagnostic!.Code);
        Assert.Equal((4, ColumnAfter(spec, 4, "\"kind\": ")), (r.Diagnostic.Line, r.Diagnostic.Column));
        Assert.Equal("kind invertibility is not implemented yet", r.Message);
    }

    [Fact]
    public void Unavailable_solvers_are_errors_from_the_file_or_the_override()
    {
        string spec = _ws.Spec("h.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("h", 100, ", \"solver\": \"highs\""));
        var fromFile = Assert.Single(_checker.Check([spec], _ws.Options));
        Assert.Equal(Outcome.Error, fromFile.Outcome);
        Assert.Equal(CheckCodes.SolverUnavailable, fromFile.Diagnostic!.Code);
        Assert.Contains("solver highs is not available in this build", fromFile.Message);
        Assert.Equal((4, ColumnAfter(spec, 4, "\"solver\": ")), (fromFile.Diagnostic.Line, fromFile.Diagnostic.Column));

        var overridden = Assert.Single(_checker.Check([spec], _ws.Options with { Solver = SolverChoice.Gurobi }));
        Assert.Contains("gurobi is not installed", overridden.Message);
        var scip = Assert.Single(_checker.Check([spec], _ws.Options with { Solver = SolverChoice.Scip }));
        Assert.Equal(Outcome.Passed, scip.Outcome);
    }

    [Fact]
    public void A_file_level_mistake_puts_every_property_of_the_file_in_error()
    {
        string spec = _ws.Write("f.verify.json", "{\n" +
            $"  \"model\": {CheckWorkspace.Quote(CheckWorkspace.Iris)},\n" +
            "  \"modle\": \"typo.onnx\",\n" +
            "  \"properties\": [\n" +
            "    " + CheckWorkspace.Lipschitz("p1", 100) + ",\n" +
            "    " + CheckWorkspace.Lipschitz("p2", 100) + "\n  ]\n}\n");
        var results = _checker.Check([spec], _ws.Options);
        Assert.Equal(["p1", "p2"], results.Select(r => r.Property));
        Assert.All(results, r =>
        {
            Assert.Equal(Outcome.Error, r.Outcome);
            Assert.Equal(SpecErrorCodes.UnknownField, r.Diagnostic!.Code);
            Assert.Equal((3, 3), (r.Diagnostic.Line, r.Diagnostic.Column));
        });
    }
}
