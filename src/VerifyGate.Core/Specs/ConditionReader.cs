using VerifyGate.Core.Specs.Json;

namespace VerifyGate.Core.Specs;

/// <summary>Reads a robustness property's condition: <c>label</c> (an output index), <c>outputs</c>
/// (<c>{ "lower": …, "upper": … }</c>, each a number or an array with nulls for outputs left free) or
/// <c>constraints</c> (an array of <c>{ "coefficients": [...], "atMost": c }</c>, all of which must hold, or
/// <c>{ "all": [...] }</c> / <c>{ "any": [...] }</c>, where <c>all</c> may hold constraints and <c>any</c> groups:
/// conjunctive normal form). Exactly one of them, unless the property names a <c>vnnlib</c> file.</summary>
internal sealed class ConditionReader(ValueReader values, FieldPositions positions)
{
    public const string Coefficients = "coefficients", All = "all", Any = "any";
    private static readonly string[] ConstraintFields = [Coefficients, FieldNames.AtMost];
    private static readonly string[] OutputsFields = [FieldNames.Lower, FieldNames.Upper];
    private DiagnosticBag Bag => values.Bag;

    public ConditionSpec? ReadLabel(JNode node) => values.Index(node, FieldNames.Label) is int k ? new ConditionSpec { Label = k } : null;

    public ConditionSpec? ReadOutputs(JNode node)
    {
        if (node is not JObject obj)
        {
            values.WrongType(node, FieldNames.Outputs, "an object with 'lower' and/or 'upper' (kind robustness)");
            return null;
        }
        var fields = new ObjectFields(obj, OutputsFields, FieldNames.Outputs, Bag);
        if (!fields.Has(FieldNames.Lower) && !fields.Has(FieldNames.Upper))
        {
            Bag.Error(obj.Position, SpecErrorCodes.MissingField, "'outputs' needs 'lower', 'upper' or both");
            return null;
        }
        int errors = Bag.ErrorCount;
        var lower = fields[FieldNames.Lower] is { } l ? Bounds(l.Value, "outputs.lower") : null;
        var upper = fields[FieldNames.Upper] is { } u ? Bounds(u.Value, "outputs.upper") : null;
        if (Bag.ErrorCount != errors) return null;
        return new ConditionSpec { OutputLower = lower, OutputUpper = upper };
    }

    /// <summary>A number (every output) or an array of numbers and nulls; a scalar is kept as a one-element list marked by
    /// <see cref="Broadcast"/> so the validator can size it.</summary>
    private IReadOnlyList<double?>? Bounds(JNode node, string field)
    {
        positions.Set(field, node.Position);
        if (node is JNumber) return values.Number(node, field) is double v ? new Broadcast(v) : null;
        if (node is not JArray array || array.Items.Count == 0)
        {
            values.WrongType(node, field, "a number or a non-empty array of numbers and nulls");
            return null;
        }
        var result = new double?[array.Items.Count];
        bool ok = true;
        for (int i = 0; i < result.Length; i++)
        {
            positions.Set($"{field}[{i}]", array.Items[i].Position);
            if (array.Items[i] is JNull) continue;
            if (values.Number(array.Items[i], $"{field}[{i}]") is double v) result[i] = v;
            else ok = false;
        }
        return ok ? result : null;
    }

    /// <summary>One bound for every output, whatever their number.</summary>
    public sealed class Broadcast(double value) : List<double?>([value]);

    public ConditionSpec? ReadConstraints(JNode node)
    {
        positions.Set(FieldNames.Constraints, node.Position);
        int errors = Bag.ErrorCount;
        IReadOnlyList<IReadOnlyList<ConstraintSpec>>? clauses = node switch
        {
            JArray array => AllOf(array, FieldNames.Constraints),
            JObject obj => Group(obj, FieldNames.Constraints, topLevel: true),
            _ => null,
        };
        if (node is not (JArray or JObject))
            values.WrongType(node, FieldNames.Constraints, "an array of constraints, or an object with 'all' or 'any'");
        return Bag.ErrorCount == errors && clauses is not null ? new ConditionSpec { Clauses = clauses } : null;
    }

    /// <summary>{ "all": [...] } (clauses) or { "any": [...] } (one clause); "any" holds constraints only.</summary>
    private IReadOnlyList<IReadOnlyList<ConstraintSpec>>? Group(JObject obj, string path, bool topLevel)
    {
        var fields = new ObjectFields(obj, topLevel ? [All, Any] : [Any], path, Bag);
        if (fields.Has(All) == fields.Has(Any))
        {
            Bag.Error(obj.Position, SpecErrorCodes.InvalidValue, $"'{path}' takes exactly one of 'all' and 'any'");
            return null;
        }
        if (fields[All] is { } all)
            return all.Value is JArray items ? AllOf(items, $"{path}.all") : Wrong(all.Value, $"{path}.all");
        var any = fields[Any]!;
        if (any.Value is not JArray alternatives || alternatives.Items.Count == 0) return Wrong(any.Value, $"{path}.any");
        var clause = new List<ConstraintSpec>();
        for (int i = 0; i < alternatives.Items.Count; i++)
        {
            var item = alternatives.Items[i];
            if (item is JObject o && o.Members.Any(m => m.Name is All or Any))
            {
                Bag.Error(item.Position, SpecErrorCodes.InvalidValue,
                    $"'{path}.any[{i}]': 'any' lists constraints only (the condition is in conjunctive normal form: 'all' of 'any' groups)");
                return null;
            }
            if (Constraint(item, $"{path}.any[{i}]") is { } c) clause.Add(c);
        }
        return [clause];
    }

    /// <summary>Each item a constraint (a clause of its own) or an { "any": [...] } group.</summary>
    private IReadOnlyList<IReadOnlyList<ConstraintSpec>>? AllOf(JArray array, string path)
    {
        if (array.Items.Count == 0) return Wrong(array, path);
        var clauses = new List<IReadOnlyList<ConstraintSpec>>();
        for (int i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i];
            string at = $"{path}[{i}]";
            positions.Set(at, item.Position);
            if (item is JObject o && o.Members.Any(m => m.Name == Any))
            {
                if (Group(o, at, topLevel: false) is { } group) clauses.AddRange(group);
            }
            else if (item is JObject nested && nested.Members.Any(m => m.Name == All))
                Bag.Error(item.Position, SpecErrorCodes.InvalidValue, $"'{at}': 'all' cannot be nested; list its constraints in the outer 'all'");
            else if (Constraint(item, at) is { } c) clauses.Add([c]);
        }
        return clauses;
    }

    private ConstraintSpec? Constraint(JNode node, string path)
    {
        positions.Set(path, node.Position);
        if (node is not JObject obj)
        {
            values.WrongType(node, path, "a constraint { \"coefficients\": [...], \"atMost\": c }");
            return null;
        }
        var fields = new ObjectFields(obj, ConstraintFields, path, Bag);
        if (fields[Coefficients] is not { } cm || fields[FieldNames.AtMost] is not { } am)
        {
            Bag.Error(obj.Position, SpecErrorCodes.MissingField, $"'{path}' needs 'coefficients' and 'atMost'");
            return null;
        }
        var coefficients = values.NumberArray(cm.Value, $"{path}.coefficients", positions);
        positions.Set($"{path}.coefficients", cm.Value.Position);
        var bound = values.Number(am.Value, $"{path}.atMost");
        return coefficients is null || bound is not double b ? null : new ConstraintSpec(coefficients, b, path);
    }

    private IReadOnlyList<IReadOnlyList<ConstraintSpec>>? Wrong(JNode node, string path)
    {
        Bag.Error(node.Position, SpecErrorCodes.InvalidValue, $"'{path}' must be a non-empty array");
        return null;
    }
}
