using VerifyGate.Core.Checking;
using VerifyGate.Core.Checking.Runners;
using VerifyGate.Core.Problems;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Tests.Trials;

public enum TrialDecision { Exact, Passed, Violated, Undecided }

/// <summary>Judges an engine's bounds against a threshold exactly as the checker does (<see cref="OutcomeJudge"/>).</summary>
public static class TrialJudge
{
    public static TrialDecision Judge(CertifiedBounds bounds, PropertyKind kind, ThresholdDirection direction, double? threshold)
    {
        if (threshold is not double t) return TrialDecision.Exact;
        var spec = new PropertySpec
        {
            File = "trial.verify.json", Name = "trial", Kind = kind,
            Positions = new FieldPositions(SourcePosition.FileStart), Threshold = new Core.Specs.Threshold(direction, t),
        };
        var verdict = OutcomeJudge.Judge(BoundsRun.From(bounds), spec, "quantity", double.PositiveInfinity);
        if (verdict.Outcome == Outcome.Passed) return TrialDecision.Passed;
        return verdict.Diagnostic?.Code == CheckCodes.Violated ? TrialDecision.Violated : TrialDecision.Undecided;
    }
}
