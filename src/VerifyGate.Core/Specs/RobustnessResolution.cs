using VerifyGate.Core.Problems.Robustness;
using VerifyGate.Core.Specs.VnnLib;

namespace VerifyGate.Core.Specs;

/// <summary>Sizes a robustness property to its model: the condition's arrays against the output count, and a
/// VNN-LIB file read against both counts into one case per input box (its unsafe conjunctions negated into the
/// condition's clauses: the property holds where no conjunction does, so each conjunction needs one of its atoms
/// broken, strictly).</summary>
internal static class RobustnessResolution
{
    public static IReadOnlyList<RobustnessCase>? Cases(PropertySpec property, double[]? lower, double[]? upper, int inputSize, int outputSize,
        Action<string, string, string> error, List<Diagnostic> diagnostics)
    {
        if (property.VnnLibPath is { } path) return FromVnnLib(property, path, inputSize, outputSize, error, diagnostics);
        var condition = Condition(property.Condition!, outputSize, error);
        return condition is null || lower is null || upper is null ? null : [new RobustnessCase(lower, upper, condition)];
    }

    private static OutputCondition? Condition(ConditionSpec spec, int outputs, Action<string, string, string> error)
    {
        if (spec.Label is int label)
        {
            if (label < outputs) return OutputCondition.Label(label, outputs);
            error(FieldNames.Label, SpecErrorCodes.OutputIndexOutOfRange,
                $"label {label} is out of range: the model has {outputs} output{Plural(outputs)} (0 to {outputs - 1})");
            return null;
        }
        if (spec.Clauses is { } clauses)
        {
            bool ok = true;
            foreach (var c in clauses.SelectMany(c => c))
                if (c.Coefficients.Count != outputs)
                {
                    error($"{c.Path}.coefficients", SpecErrorCodes.ConditionSizeMismatch,
                        $"'{c.Path}.coefficients' has {c.Coefficients.Count} value{Plural(c.Coefficients.Count)} but the model has {outputs} output{Plural(outputs)}");
                    ok = false;
                }
            return ok
                ? new OutputCondition(clauses.Select(c => new OutputClause(c.Select(a => new OutputAtom([.. a.Coefficients], a.AtMost, Strict: false)).ToArray())).ToArray())
                : null;
        }
        var lower = Sized(spec.OutputLower, "outputs.lower", outputs, error);
        var upper = Sized(spec.OutputUpper, "outputs.upper", outputs, error);
        if (lower is null || upper is null) return null;
        for (int j = 0; j < outputs; j++)
            if (lower[j] > upper[j])
            {
                error($"outputs.lower", SpecErrorCodes.LowerAboveUpper, $"output {j}: lower bound {lower[j]} is above upper bound {upper[j]}");
                return null;
            }
        var condition = OutputCondition.Bounds(lower, upper);
        if (condition.Clauses.Count > 0) return condition;
        error("outputs", SpecErrorCodes.InvalidValue, "'outputs' bounds no output: every value is null");
        return null;
    }

    private static double?[]? Sized(IReadOnlyList<double?>? bounds, string field, int outputs, Action<string, string, string> error)
    {
        if (bounds is null) return new double?[outputs];
        if (bounds is ConditionReader.Broadcast) return Enumerable.Repeat(bounds[0], outputs).ToArray();
        if (bounds.Count == outputs) return [.. bounds];
        error(field, SpecErrorCodes.ConditionSizeMismatch,
            $"'{field}' has {bounds.Count} value{Plural(bounds.Count)} but the model has {outputs} output{Plural(outputs)}");
        return null;
    }

    private static IReadOnlyList<RobustnessCase>? FromVnnLib(PropertySpec property, string path, int inputs, int outputs,
        Action<string, string, string> error, List<Diagnostic> diagnostics)
    {
        VnnLibProperty file;
        try
        {
            file = VnnLibReader.Read(path, inputs, outputs);
        }
        catch (VnnLibException e)
        {
            diagnostics.Add(new Diagnostic(e.File, e.Line, e.Column, SpecErrorCodes.VnnLibInvalid,
                $"{e.Reason} (VNN-LIB file of property '{property.Name}')"));
            return null;
        }
        catch (IOException e)
        {
            error(FieldNames.VnnLib, SpecErrorCodes.VnnLibNotFound, $"VNN-LIB file '{path}' cannot be read: {e.Message}");
            return null;
        }
        var cases = new List<RobustnessCase>();
        foreach (var c in file.Cases)
        {
            if (c.Unsafe.Any(conjunction => conjunction.Count == 0))
            {
                diagnostics.Add(new Diagnostic(path, c.Line, 1, SpecErrorCodes.VnnLibInvalid,
                    "this input box has no output constraint: every output is unsafe there, so the property cannot hold"));
                return null;
            }
            var clauses = c.Unsafe.Select(conjunction => new OutputClause(
                conjunction.Select(a => new OutputAtom(a.Coefficients.Select(v => -v).ToArray(), -a.Bound, Strict: true)).ToArray())).ToArray();
            cases.Add(new RobustnessCase(c.Lower, c.Upper, new OutputCondition(clauses)));
        }
        return cases;
    }

    private static string Plural(int n) => n == 1 ? "" : "s";
}
