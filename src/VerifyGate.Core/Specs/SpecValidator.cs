namespace VerifyGate.Core.Specs;

/// <summary>The checks of a property that need its model's input and output sizes (the loader
/// does not open models), reported at the offending tokens.</summary>
public static class SpecValidator
{
    public static IReadOnlyList<Diagnostic> Validate(PropertySpec property, int inputSize, int outputSize) =>
        Resolve(property, inputSize, outputSize).Diagnostics;

    /// <summary>Checks the property and sizes it to the model: scalar bounds are broadcast,
    /// radius balls turned into their outer box. The property is null when there are errors.</summary>
    public static (ResolvedProperty? Property, IReadOnlyList<Diagnostic> Diagnostics) Resolve(
        PropertySpec property, int inputSize, int outputSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        var diagnostics = new List<Diagnostic>();
        void Error(string path, string code, string message)
        {
            var at = property.Positions.Of(path);
            diagnostics.Add(new Diagnostic(property.File, at.Line, at.Column, code, message));
        }

        if (property.Outputs is { } outputs)
            for (int i = 0; i < outputs.Count; i++)
                if (outputs[i] >= outputSize)
                    Error($"outputs[{i}]", SpecErrorCodes.OutputIndexOutOfRange,
                        $"output index {outputs[i]} is out of range: the model has {outputSize} output{Plural(outputSize)} (0 to {outputSize - 1})");

        if (property.Kind == PropertyKind.Robustness) return ResolveRobustness(property, inputSize, outputSize, Error, diagnostics);
        var box = property.Kind.IsRadiusKind()
            ? RadiusBox(property, inputSize, Error)
            : DomainBox(property, inputSize, Error);

        if (diagnostics.Count > 0 || box is not var (lower, upper)) return (null, diagnostics);
        var fixedInputs = property.Kind.IsRadiusKind()
            ? property.Fixed.Order().ToArray()
            : Enumerable.Range(0, inputSize).Where(i => lower[i] == upper[i]).ToArray();
        if (fixedInputs.Length == inputSize)
        {
            Error(property.Kind.IsRadiusKind() ? "fixed" : "domain", SpecErrorCodes.NoFreeInput,
                $"every one of the model's {inputSize} input{Plural(inputSize)} is fixed, so the property has nothing to vary");
            return (null, diagnostics);
        }
        var outputList = property.Outputs ?? Enumerable.Range(0, outputSize).ToArray();
        return (new ResolvedProperty(property, lower, upper, outputList, fixedInputs), diagnostics);
    }

    private static (ResolvedProperty? Property, IReadOnlyList<Diagnostic> Diagnostics) ResolveRobustness(
        PropertySpec property, int inputSize, int outputSize, Action<string, string, string> error, List<Diagnostic> diagnostics)
    {
        var box = property.Domain is null ? null : DomainBox(property, inputSize, error);
        if (diagnostics.Count > 0) return (null, diagnostics);
        var cases = RobustnessResolution.Cases(property, box?.Lower, box?.Upper, inputSize, outputSize, error, diagnostics);
        if (diagnostics.Count > 0 || cases is null) return (null, diagnostics);
        var lower = Enumerable.Range(0, inputSize).Select(i => cases.Min(c => c.Lower[i])).ToArray();
        var upper = Enumerable.Range(0, inputSize).Select(i => cases.Max(c => c.Upper[i])).ToArray();
        var fixedInputs = Enumerable.Range(0, inputSize).Where(i => lower[i] == upper[i]).ToArray();
        return (new ResolvedProperty(property, lower, upper, Enumerable.Range(0, outputSize).ToArray(), fixedInputs) { Cases = cases }, diagnostics);
    }

    private static (double[] Lower, double[] Upper)? DomainBox(PropertySpec property, int inputSize, Action<string, string, string> error)
    {
        var domain = property.Domain ?? throw new ArgumentException($"property '{property.Name}' has no domain", nameof(property));
        bool ok = true;
        foreach (var (bound, name) in domain.FromCenter
                     ? [(domain.Lower, "domain.center")]
                     : new[] { (domain.Lower, "domain.lower"), (domain.Upper, "domain.upper") })
        {
            if (bound.Length is int n && n != inputSize)
            {
                error(name, SpecErrorCodes.DomainSizeMismatch,
                    $"'{name}' has {n} value{Plural(n)} but the model takes {inputSize} input{Plural(inputSize)}");
                ok = false;
            }
            if (!ok) break; // lower and upper have equal lengths: one message is enough
        }
        return ok ? (domain.Lower.Resolve(inputSize), domain.Upper.Resolve(inputSize)) : null;
    }

    private static (double[] Lower, double[] Upper)? RadiusBox(PropertySpec property, int inputSize, Action<string, string, string> error)
    {
        var center = property.Center ?? throw new ArgumentException($"property '{property.Name}' has no center", nameof(property));
        double radius = property.MaxRadius ?? throw new ArgumentException($"property '{property.Name}' has no maxRadius", nameof(property));
        bool ok = true;
        if (center.Count != inputSize)
        {
            error("center", SpecErrorCodes.CenterSizeMismatch,
                $"'center' has {center.Count} value{Plural(center.Count)} but the model takes {inputSize} input{Plural(inputSize)}");
            ok = false;
        }
        for (int i = 0; i < property.Fixed.Count; i++)
            if (property.Fixed[i] >= inputSize)
            {
                error($"fixed[{i}]", SpecErrorCodes.FixedIndexOutOfRange,
                    $"fixed input index {property.Fixed[i]} is out of range: the model has {inputSize} input{Plural(inputSize)} (0 to {inputSize - 1})");
                ok = false;
            }
        if (!ok) return null;
        var lower = center.Select(c => c - radius).ToArray();
        var upper = center.Select(c => c + radius).ToArray();
        foreach (int i in property.Fixed) lower[i] = upper[i] = center[i];
        return (lower, upper);
    }

    private static string Plural(int n) => n == 1 ? "" : "s";
}
