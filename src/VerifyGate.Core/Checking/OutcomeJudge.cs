using VerifyGate.Core.Checking.Runners;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Checking;

/// <summary>Turns certified bounds into an outcome (spec-format.md, "Outcomes") and its one-line message.
/// atMost t: passed when upper &lt;= t; failed when lower &gt; t (a witness shows it); otherwise undecided.
/// atLeast t: passed when lower &gt;= t; failed when upper &lt; t; otherwise undecided. Undecided is failed
/// with onInconclusive "fail" and inconclusive with "warn"; undecided because the run was cancelled is
/// always inconclusive (VG3010). An atMost threshold below the run's resolution ρ
/// (<see cref="Problems.Resolution"/>) is judged against ρ, and the message says so.</summary>
public static class OutcomeJudge
{
    public sealed record Verdict(Outcome Outcome, bool Decided, string Message, Diagnostic? Diagnostic);

    public static Verdict Judge(BoundsRun run, PropertySpec spec, string quantity, double timeLimitSeconds)
    {
        var threshold = spec.Threshold;
        double t = threshold.Value;
        bool atMost = threshold.Direction == ThresholdDirection.AtMost;
        double? resolution = atMost && run.Resolution is double r && t < r ? r : null;
        double decideAt = resolution ?? t;
        bool strict = !atMost && run.StrictAtZero && t == 0;
        bool passed = atMost ? run.Upper <= decideAt : strict ? run.Lower > t : run.Lower >= t;
        bool violated = atMost ? run.Lower > decideAt : strict ? run.Upper <= t && run.Witness is not null : run.Upper < t;
        string bounds = $"{quantity} certified in {ResultText.Bounds(run.Lower, run.Upper)}";
        string time = $"in {ResultText.Seconds(run.Seconds)}";
        string atResolution = resolution is null
            ? ""
            : $" at the engine's resolution {ResultText.Number(resolution)} (atMost {ResultText.Number(t)} is below it)";

        if (passed)
            return new Verdict(Outcome.Passed, true, $"{bounds} {(atMost ? "<=" : strict ? ">" : ">=")} {ResultText.Number(decideAt)} (passed{atResolution}) {time}", null);

        if (violated)
        {
            string broken = atMost
                ? resolution is null ? $"exceeds atMost {ResultText.Number(t)}" : $"exceeds the resolution {ResultText.Number(resolution)} of atMost {ResultText.Number(t)}"
                : strict ? $"is not above atLeast {ResultText.Number(t)} (the condition is strict)" : $"is below atLeast {ResultText.Number(t)}";
            string message = $"{bounds} {broken}{WitnessText(run)} (failed) {time}";
            return new Verdict(Outcome.Failed, true, message, At(spec, threshold.FieldName, CheckCodes.Violated, $"property '{spec.Name}' is violated: {message}", false));
        }

        if (run.Cancelled)
        {
            // The user stopped the run: not a verdict on the property, so never failed by onInconclusive.
            string cancelled = $"{bounds} is undecided against {threshold.FieldName} {ResultText.Number(t)}{atResolution}: cancelled {time}";
            return new Verdict(Outcome.Inconclusive, false, cancelled,
                At(spec, threshold.FieldName, CheckCodes.Cancelled, $"property '{spec.Name}' was cancelled: {cancelled}", true));
        }

        bool warn = spec.OnInconclusive == InconclusivePolicy.Warn;
        string why = run.TimedOut
            ? $"the time limit of {ResultText.Number(timeLimitSeconds)} s ran out"
            : "the bounds stopped within the solver's precision of the threshold";
        string undecided = $"{bounds} is undecided against {threshold.FieldName} {ResultText.Number(t)}{atResolution}: {why} " +
                           $"(onInconclusive: {(warn ? "warn" : "fail")}) {time}";
        return new Verdict(warn ? Outcome.Inconclusive : Outcome.Failed, false, undecided,
            At(spec, threshold.FieldName, CheckCodes.Inconclusive, $"property '{spec.Name}' is inconclusive: {undecided}", warn));
    }

    private static string WitnessText(BoundsRun run)
    {
        if (run.Witness is { IsPoint: true, OutputX: { } outputs } point)
            return $": witness x={ResultText.Vector(point.X)}, outputs {ResultText.Vector(outputs)}";
        if (run.Witness is not { IsPair: true } w) return "";
        string ratio = w.Ratio is double r ? $", ratio {ResultText.Number(r)}" : "";
        return $": witness x={ResultText.Vector(w.X)}, y={ResultText.Vector(w.Y)}{ratio}";
    }

    private static Diagnostic At(PropertySpec spec, string field, string code, string message, bool warning)
    {
        var at = spec.Positions.Of(field);
        return new Diagnostic(spec.File, at.Line, at.Column, code, message, warning);
    }
}
