using VerifyGate.Core.Norms;
using VerifyGate.Core.Specs.Json;

namespace VerifyGate.Core.Specs;

/// <summary>Turns one element of "properties" into a <see cref="PropertySpec"/>, applying
/// <c>defaults</c> (a property's own value wins) and reporting every mistake it finds.
/// Returns null when the property has any error; the other properties are unaffected.</summary>
internal sealed class PropertyReader(DiagnosticBag bag, string file, string specFolder, ObjectFields? defaults)
{
    private static readonly (string, InconclusivePolicy)[] Policies =
        [("fail", InconclusivePolicy.Fail), ("warn", InconclusivePolicy.Warn)];

    private static readonly (string, SolverChoice)[] Solvers =
        [("scip", SolverChoice.Scip), ("highs", SolverChoice.Highs), ("gurobi", SolverChoice.Gurobi)];

    private readonly ValueReader _values = new(bag);

    public PropertySpec? Read(JNode node)
    {
        if (node is not JObject obj)
        {
            _values.WrongType(node, "properties[]", "a property object");
            return null;
        }
        int errors = bag.ErrorCount;
        var own = new ObjectFields(obj, FieldNames.PropertyFields, "a property", bag);
        var p = new Context(own, defaults, new FieldPositions(obj.Position));

        string? name = ReadName(p);
        PropertyKind? kind = ReadKind(p);
        var threshold = ReadThreshold(p, kind);
        double? timeLimit = ReadTimeLimit(p);
        var policy = p.Get(FieldNames.OnInconclusive) is { } pm ? _values.Choice(pm.Value, FieldNames.OnInconclusive, Policies) : InconclusivePolicy.Fail;
        var solver = p.Get(FieldNames.Solver) is { } sm ? _values.Choice(sm.Value, FieldNames.Solver, Solvers) : SolverChoice.Scip;
        var (inputNorm, outputNorm) = ReadNorms(p, kind);
        // kind robustness reads 'outputs' as its output bounds (ReadRobustnessFields)
        var outputs = kind != PropertyKind.Robustness && p.Get(FieldNames.Outputs) is { } om
            ? _values.IndexArray(om.Value, FieldNames.Outputs, p.Positions, allowEmpty: false) : null;

        if (kind is not PropertyKind k) return null;
        ReportFieldsNotForKind(own, k);
        var spec = k.IsRadiusKind() ? ReadRadiusFields(p, k) : k == PropertyKind.Robustness ? ReadRobustnessFields(p) : ReadBoxFields(p, k);
        if (bag.ErrorCount != errors || spec == null || name == null || threshold == null) return null;
        return spec with
        {
            Name = name,
            Threshold = threshold,
            TimeLimitSeconds = timeLimit,
            OnInconclusive = policy ?? InconclusivePolicy.Fail,
            Solver = solver ?? SolverChoice.Scip,
            InputNorm = inputNorm,
            OutputNorm = outputNorm,
            Outputs = outputs,
        };
    }

    /// <summary>Field lookup through the property, then <c>defaults</c>; records where each value used is.</summary>
    private sealed class Context(ObjectFields own, ObjectFields? defaults, FieldPositions positions)
    {
        public ObjectFields Own => own;
        public FieldPositions Positions => positions;
        public SourcePosition Start => positions.Property;

        public JMember? Get(string name) => Record(name, own[name] ?? defaults?[name]);
        public JMember? GetOwn(string name) => Record(name, own[name]);
        public JMember? GetDefault(string name) => Record(name, defaults?[name]);

        private JMember? Record(string name, JMember? member)
        {
            if (member != null) positions.Set(name, member.Value.Position);
            return member;
        }
    }

    private string? ReadName(Context p)
    {
        if (p.GetOwn(FieldNames.Name) is not { } member)
        {
            bag.Error(p.Start, SpecErrorCodes.MissingField, "the property has no 'name'");
            return null;
        }
        string? name = _values.String(member.Value, FieldNames.Name);
        if (name != null && name.Trim().Length == 0)
        {
            bag.Error(member.Value.Position, SpecErrorCodes.InvalidValue, "'name' is empty");
            return null;
        }
        return name;
    }

    private PropertyKind? ReadKind(Context p)
    {
        if (p.Get(FieldNames.Kind) is not { } member)
        {
            bag.Error(p.Start, SpecErrorCodes.MissingField, "the property has no 'kind'");
            return null;
        }
        if (_values.String(member.Value, FieldNames.Kind) is not { } text) return null;
        if (PropertyKinds.Parse(text) is PropertyKind kind) return kind;
        bag.Error(member.Value.Position, SpecErrorCodes.UnknownKind,
            $"unknown kind \"{text}\"; known kinds: {string.Join(", ", PropertyKinds.All.Select(k => k.Name))}");
        return null;
    }

    /// <summary>Exactly one of atMost/atLeast; a property giving either one ignores the defaults' threshold.</summary>
    private Threshold? ReadThreshold(Context p, PropertyKind? kind)
    {
        bool ownThreshold = p.Own.Has(FieldNames.AtMost) || p.Own.Has(FieldNames.AtLeast);
        Func<string, JMember?> get = ownThreshold ? p.GetOwn : p.GetDefault;
        var atMost = get(FieldNames.AtMost);
        var atLeast = get(FieldNames.AtLeast);
        if (atMost != null && atLeast != null)
        {
            var second = Later(atMost, atLeast);
            bag.Error(second.NamePosition, SpecErrorCodes.ThresholdCount, "give exactly one of 'atMost' and 'atLeast', not both");
            return null;
        }
        if (atMost == null && atLeast == null && kind == PropertyKind.Robustness)
            return new Threshold(ThresholdDirection.AtLeast, 0);  // the condition itself: a margin of at least 0
        if (atMost == null && atLeast == null)
        {
            string hint = kind is PropertyKind k ? $" (kind {k.ToFileName()} takes '{(k.ThresholdDirection() == ThresholdDirection.AtMost ? "atMost" : "atLeast")}')" : "";
            bag.Error(p.Start, SpecErrorCodes.ThresholdCount, $"the property has no threshold: give 'atMost' or 'atLeast'{hint}");
            return null;
        }
        var member = (atMost ?? atLeast)!;
        var direction = atMost != null ? ThresholdDirection.AtMost : ThresholdDirection.AtLeast;
        if (_values.Number(member.Value, member.Name) is not double value) return null;
        if (kind is PropertyKind known && known.ThresholdDirection() != direction)
        {
            string expected = known.ThresholdDirection() == ThresholdDirection.AtMost ? "atMost" : "atLeast";
            bag.Error(member.NamePosition, SpecErrorCodes.ThresholdNotForKind,
                $"kind {known.ToFileName()} is checked with '{expected}', not '{member.Name}'");
            return null;
        }
        return new Threshold(direction, value);
    }

    private static JMember Later(JMember a, JMember b) =>
        (a.NamePosition.Line, a.NamePosition.Column).CompareTo((b.NamePosition.Line, b.NamePosition.Column)) > 0 ? a : b;

    private double? ReadTimeLimit(Context p)
    {
        if (p.Get(FieldNames.TimeLimitSeconds) is not { } member) return null;
        if (_values.Number(member.Value, FieldNames.TimeLimitSeconds) is not double seconds) return null;
        if (seconds > 0) return seconds;
        bag.Error(member.Value.Position, SpecErrorCodes.NonPositiveTimeLimit, $"'timeLimitSeconds' is {seconds}; it must be positive");
        return null;
    }

    /// <summary>Precedence: the property's inputNorm, its norm, the defaults' inputNorm, the defaults' norm, inf.
    /// Radius kinds measure their ball in the norm of their own inputNorm or norm (inf when neither is written).</summary>
    private (NormKind Input, NormKind Output) ReadNorms(Context p, PropertyKind? kind)
    {
        NormKind? Parse(JMember? member) => member == null ? null : _values.Norm(member.Value, member.Name);
        var own = p.Own;
        NormKind? ownNorm = Parse(own[FieldNames.Norm]), ownIn = Parse(own[FieldNames.InputNorm]), ownOut = Parse(own[FieldNames.OutputNorm]);
        NormKind? defNorm = Parse(p.GetDefault(FieldNames.Norm)), defIn = Parse(p.GetDefault(FieldNames.InputNorm)), defOut = Parse(p.GetDefault(FieldNames.OutputNorm));
        foreach (var name in new[] { FieldNames.Norm, FieldNames.InputNorm, FieldNames.OutputNorm })
            if (own[name] is { } m) p.Positions.Set(name, m.Value.Position);

        var input = ownIn ?? ownNorm ?? defIn ?? defNorm ?? NormKind.Inf;
        var output = ownOut ?? ownNorm ?? defOut ?? defNorm ?? NormKind.Inf;
        // The radius kinds' ball norm is their own: a norm inherited from the defaults (meant for the file's Lipschitz
        // properties, say) would silently change which ball is searched, so only the property's own fields count.
        if (kind is PropertyKind k && k.IsRadiusKind()) input = ownIn ?? ownNorm ?? NormKind.Inf;
        return (input, output);
    }

    /// <summary>A kind-specific field written in the property itself but meaningless for its kind is an error;
    /// the same field inherited from defaults is simply not used.</summary>
    private void ReportFieldsNotForKind(ObjectFields own, PropertyKind kind)
    {
        foreach (var member in own.Object.Members)
            if (FieldNames.KindsOf(member.Name) is { } kinds && !kinds.Contains(kind))
                bag.Error(member.NamePosition, SpecErrorCodes.FieldNotForKind,
                    $"'{member.Name}' does not apply to kind {kind.ToFileName()}; it is used by {string.Join(", ", kinds.Select(x => x.ToFileName()))}");
    }

    private PropertySpec? ReadBoxFields(Context p, PropertyKind kind)
    {
        DomainSpec? domain = null;
        if (p.Get(FieldNames.Domain) is { } dm) domain = DomainReader.Read(dm.Value, _values, p.Positions);
        else bag.Error(p.Start, SpecErrorCodes.MissingField, $"kind {kind.ToFileName()} needs a 'domain'");

        double tolerance = 0;
        if (kind is PropertyKind.Invertibility or PropertyKind.Matching && p.Get(FieldNames.OutputTolerance) is { } tm)
        {
            tolerance = NonNegative(tm, allowZero: true) ?? 0;
            MagnitudeCheck.Report(bag, tm.Value.Position, FieldNames.OutputTolerance, tolerance);
        }

        string? reference = null;
        if (kind == PropertyKind.Matching) reference = ReadReference(p);
        if (domain == null) return null;
        return NewSpec(p, kind) with { Domain = domain, OutputTolerance = tolerance, ReferencePath = reference };
    }

    /// <summary>A domain and one condition (label, outputs or constraints), or a VNN-LIB file holding both.</summary>
    private PropertySpec? ReadRobustnessFields(Context p)
    {
        var conditionFields = new[] { FieldNames.Label, FieldNames.Outputs, FieldNames.Constraints, FieldNames.VnnLib };
        var given = conditionFields.Select(f => p.GetOwn(f) ?? p.GetDefault(f)).OfType<JMember>().ToArray();
        if (given.Length != 1)
        {
            string fields = "'label', 'outputs', 'constraints' or 'vnnlib'";
            if (given.Length == 0) bag.Error(p.Start, SpecErrorCodes.ConditionCount, $"kind robustness needs a condition: give one of {fields}");
            else bag.Error(given.MaxBy(m => (m.NamePosition.Line, m.NamePosition.Column))!.NamePosition, SpecErrorCodes.ConditionCount,
                $"give one condition, not {string.Join(" and ", given.Select(m => $"'{m.Name}'"))}");
            return null;
        }
        var member = given[0];
        if (member.Name == FieldNames.VnnLib)
        {
            if (p.GetOwn(FieldNames.Domain) is { } own)
            {
                bag.Error(own.NamePosition, SpecErrorCodes.ConditionCount, "a 'vnnlib' property takes its domain from the VNN-LIB file; remove 'domain'");
                return null;
            }
            return ReadVnnLibPath(member) is { } path ? NewSpec(p, PropertyKind.Robustness) with { VnnLibPath = path } : null;
        }
        DomainSpec? domain = null;
        if (p.Get(FieldNames.Domain) is { } dm) domain = DomainReader.Read(dm.Value, _values, p.Positions);
        else bag.Error(p.Start, SpecErrorCodes.MissingField, "kind robustness needs a 'domain' (or a 'vnnlib' file)");
        var reader = new ConditionReader(_values, p.Positions);
        var condition = member.Name switch
        {
            FieldNames.Label => reader.ReadLabel(member.Value),
            FieldNames.Outputs => reader.ReadOutputs(member.Value),
            _ => reader.ReadConstraints(member.Value),
        };
        if (domain == null || condition == null) return null;
        return NewSpec(p, PropertyKind.Robustness) with { Domain = domain, Condition = condition };
    }

    private string? ReadVnnLibPath(JMember member)
    {
        if (_values.String(member.Value, FieldNames.VnnLib) is not { } text) return null;
        if (text.Trim().Length == 0 || !SpecLoader.IsPathText(text))
        {
            bag.Error(member.Value.Position, SpecErrorCodes.InvalidValue, "'vnnlib' is not a file path");
            return null;
        }
        string path = Path.GetFullPath(Path.Combine(specFolder, text));
        if (File.Exists(path)) return path;
        bag.Error(member.Value.Position, SpecErrorCodes.VnnLibNotFound, $"VNN-LIB file '{text}' not found (looked for {path})");
        return null;
    }

    private string? ReadReference(Context p)
    {
        if (p.Get(FieldNames.Reference) is not { } member)
        {
            bag.Error(p.Start, SpecErrorCodes.MissingReference, "kind matching needs a 'reference' model to compare with");
            return null;
        }
        if (_values.String(member.Value, FieldNames.Reference) is not { } text) return null;
        if (text.Trim().Length == 0)
        {
            bag.Error(member.Value.Position, SpecErrorCodes.InvalidValue, "'reference' is empty");
            return null;
        }
        if (!SpecLoader.IsPathText(text))
        {
            bag.Error(member.Value.Position, SpecErrorCodes.InvalidValue, "'reference' is not a file path: it contains a character no path can hold (such as \\u0000)");
            return null;
        }
        string path = Path.GetFullPath(Path.Combine(specFolder, text));
        if (File.Exists(path)) return path;
        bag.Error(member.Value.Position, SpecErrorCodes.ReferenceNotFound, $"reference model '{text}' not found (looked for {path})");
        return null;
    }

    private PropertySpec? ReadRadiusFields(Context p, PropertyKind kind)
    {
        IReadOnlyList<double>? center = null;
        if (p.Get(FieldNames.Center) is { } cm) center = _values.NumberArray(cm.Value, FieldNames.Center, p.Positions);
        if (center != null) MagnitudeCheck.Report(bag, p.Positions, FieldNames.Center, center);
        else bag.Error(p.Start, SpecErrorCodes.MissingCenter, $"kind {kind.ToFileName()} needs a 'center'");

        IReadOnlyList<int>? fixedInputs = [];
        if (p.Get(FieldNames.Fixed) is { } fm) fixedInputs = _values.IndexArray(fm.Value, FieldNames.Fixed, p.Positions, allowEmpty: true);

        double? maxRadius = null;
        if (p.Get(FieldNames.MaxRadius) is { } mm)
        {
            maxRadius = _values.Number(mm.Value, FieldNames.MaxRadius);
            if (maxRadius is double radius) MagnitudeCheck.Report(bag, mm.Value.Position, FieldNames.MaxRadius, radius);
            if (maxRadius <= 0)
            {
                bag.Error(mm.Value.Position, SpecErrorCodes.NegativeRadius, $"'maxRadius' is {maxRadius}; it must be positive");
                maxRadius = null;
            }
        }
        else bag.Error(p.Start, SpecErrorCodes.MissingField, $"kind {kind.ToFileName()} needs a 'maxRadius' (the largest radius searched)");

        double? separation = p.Get(FieldNames.Separation) is { } sm ? NonNegative(sm, allowZero: false) : null;
        if (center == null || fixedInputs == null || maxRadius is not double r) return null;
        return NewSpec(p, kind) with
        {
            Center = center,
            Fixed = fixedInputs,
            MaxRadius = r,
            Separation = separation ?? 1e-4 * r,
        };
    }

    private double? NonNegative(JMember member, bool allowZero)
    {
        if (_values.Number(member.Value, member.Name) is not double value) return null;
        if (value > 0 || (allowZero && value == 0)) return value;
        bag.Error(member.Value.Position, SpecErrorCodes.NegativeValue,
            $"'{member.Name}' is {value}; it must be {(allowZero ? "zero or positive" : "positive")}");
        return null;
    }

    /// <summary>A spec with the identity filled in; the caller sets the remaining fields with 'with'.</summary>
    private PropertySpec NewSpec(Context p, PropertyKind kind) => new()
    {
        File = file,
        Name = "",
        Kind = kind,
        Positions = p.Positions,
        Threshold = new Threshold(kind.ThresholdDirection(), 0),
    };
}
