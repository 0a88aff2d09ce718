using VerifyGate.Cli;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Checking.Runners;
using VerifyGate.Core.Specs;
using VerifyGate.Core.Tests.Checking;

namespace VerifyGate.Core.Tests.Edges;

/// <summary>A witness is shown only when there is one: a runner's "witness" with x = y (what the two-copy engine
/// once offered for an unsolved atMost 0) never reaches a renderer, while a real pair reaches all of them.</summary>
public class WitnessDisplayTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private sealed class FixedRunner(Witness witness, double lower) : IPropertyRunner
    {
        public PropertyKind Kind => PropertyKind.Lipschitz;
        public string QuantityName(ResolvedProperty property) => "L_inf,inf";
        public BoundsRun Run(PropertyRunContext context) => new()
        {
            Lower = lower, Upper = 50, Witness = witness, Solver = "fixed", Seconds = 0.01,
        };
    }

    private CheckResult Check(Witness witness, double lower)
    {
        string spec = _ws.Spec("iris.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("shown", 5));
        var checker = new Checker([new FixedRunner(witness, lower)]);
        return Assert.Single(checker.Check([spec], _ws.Options with { UseCache = false }));
    }

    [Fact]
    public void A_pair_of_equal_inputs_is_shown_nowhere()
    {
        double[] same = [0.5, 0.5, 0.5, 0.5];
        var r = Check(new Witness(same, (double[])same.Clone(), 0, [1, 2, 3], [1, 2, 3]), 0);

        Assert.Null(r.Witness);
        Assert.DoesNotContain("witness", r.Message);
        Assert.DoesNotContain("witness", r.Diagnostic!.Message);
        Assert.DoesNotContain("witness", HumanReport.Line(r));
        Assert.Contains("\"witness\": null", ResultJson.Serialize([r]));
        Assert.DoesNotContain("witness", StepSummary.Render([r], f => f));
    }

    [Fact]
    public void A_pair_of_distinct_inputs_is_shown_everywhere()
    {
        var r = Check(new Witness([0, 0, 0, 0], [0.1, 0, 0, 0], 7, [1, 2, 3], [1.7, 2, 3]), 7);

        Assert.Equal(Outcome.Failed, r.Outcome);
        Assert.NotNull(r.Witness);
        Assert.Contains("witness x=[0, 0, 0, 0], y=[0.1, 0, 0, 0]", r.Message);
        Assert.Contains("witness", HumanReport.Line(r));
        Assert.Contains("\"witness\"", ResultJson.Serialize([r]));
    }
}
