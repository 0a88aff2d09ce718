using VerifyGate.Core.Specs.Json;

namespace VerifyGate.Core.Specs;

/// <summary>Reads a <c>domain</c>: <c>{lower, upper}</c> (each a number or an array) or
/// <c>{center, radius}</c> (radius a number or an array), checking lower &lt;= upper.</summary>
internal static class DomainReader
{
    private const string Field = FieldNames.Domain;

    public static DomainSpec? Read(JNode node, ValueReader values, FieldPositions positions)
    {
        var bag = values.Bag;
        if (node is not JObject obj)
        {
            values.WrongType(node, Field, "an object with lower/upper or center/radius");
            return null;
        }
        int errors = bag.ErrorCount;
        var fields = new ObjectFields(obj, FieldNames.DomainFields, "domain", bag);
        bool box = fields.Has(FieldNames.Lower) || fields.Has(FieldNames.Upper);
        bool ball = fields.Has(FieldNames.Center) || fields.Has(FieldNames.Radius);
        DomainSpec? domain = null;
        if (box && ball)
        {
            var first = new[] { FieldNames.Center, FieldNames.Radius }.Select(f => fields[f]).First(m => m != null)!;
            bag.Error(first.NamePosition, SpecErrorCodes.InvalidValue, "'domain' takes either lower/upper or center/radius, not both");
        }
        else if (box) domain = ReadBox(fields, values, positions);
        else if (ball) domain = ReadBall(fields, values, positions);
        else bag.Error(obj.Position, SpecErrorCodes.MissingField, "'domain' needs 'lower' and 'upper', or 'center' and 'radius'");
        return bag.ErrorCount == errors ? domain : null;
    }

    private static DomainSpec? ReadBox(ObjectFields fields, ValueReader values, FieldPositions positions)
    {
        var lower = ReadBound(fields, FieldNames.Lower, values, positions);
        var upper = ReadBound(fields, FieldNames.Upper, values, positions);
        if (lower == null || upper == null) return null;
        var bag = values.Bag;
        if (lower.Length is int nl && upper.Length is int nu && nl != nu)
        {
            bag.Error(fields[FieldNames.Upper]!.Value.Position, SpecErrorCodes.LengthMismatch,
                $"'domain.upper' has {nu} values but 'domain.lower' has {nl}");
            return null;
        }
        int count = lower.Length ?? upper.Length ?? 1;
        bool ok = true;
        for (int i = 0; i < count; i++)
        {
            if (lower.At(i) <= upper.At(i)) continue;
            string lowerName = lower.Scalar != null ? "domain.lower" : $"domain.lower[{i}]";
            string upperName = upper.Scalar != null ? "domain.upper" : $"domain.upper[{i}]";
            bag.Error(positions.Of(lowerName), SpecErrorCodes.LowerAboveUpper,
                $"{lowerName} = {lower.At(i)} is above {upperName} = {upper.At(i)}" + (count > 1 ? $" (input {i})" : ""));
            ok = false;
        }
        return ok ? new DomainSpec(lower, upper) : null;
    }

    private static BoundSpec? ReadBound(ObjectFields fields, string name, ValueReader values, FieldPositions positions)
    {
        string path = $"{Field}.{name}";
        if (fields[name] is not { } member)
        {
            values.Bag.Error(fields.Object.Position, SpecErrorCodes.MissingField, $"'domain' has no '{name}'");
            return null;
        }
        positions.Set(path, member.Value.Position);
        var bound = member.Value is JArray
            ? values.NumberArray(member.Value, path, positions) is { } array ? BoundSpec.PerInput(array) : null
            : values.Number(member.Value, path) is double scalar ? BoundSpec.Broadcast(scalar) : null;
        if (bound != null) MagnitudeCheck.Report(values.Bag, positions, path, bound);
        return bound;
    }

    private static DomainSpec? ReadBall(ObjectFields fields, ValueReader values, FieldPositions positions)
    {
        var bag = values.Bag;
        var centerMember = fields[FieldNames.Center];
        var radiusMember = fields[FieldNames.Radius];
        if (centerMember == null || radiusMember == null)
        {
            bag.Error(fields.Object.Position, SpecErrorCodes.MissingField,
                $"'domain' has no '{(centerMember == null ? FieldNames.Center : FieldNames.Radius)}'");
            return null;
        }
        positions.Set("domain.center", centerMember.Value.Position);
        positions.Set("domain.radius", radiusMember.Value.Position);
        var center = values.NumberArray(centerMember.Value, "domain.center", positions);
        var radius = ReadRadius(radiusMember.Value, values, positions);
        if (center != null) MagnitudeCheck.Report(bag, positions, "domain.center", center);
        if (radius != null) MagnitudeCheck.Report(bag, positions, "domain.radius", radius);
        if (center == null || radius == null) return null;
        if (radius.Length is int nr && nr != center.Count)
        {
            bag.Error(radiusMember.Value.Position, SpecErrorCodes.LengthMismatch,
                $"'domain.radius' has {nr} values but 'domain.center' has {center.Count}");
            return null;
        }
        var lower = center.Select((c, i) => c - radius.At(i)).ToArray();
        var upper = center.Select((c, i) => c + radius.At(i)).ToArray();
        return new DomainSpec(BoundSpec.PerInput(lower), BoundSpec.PerInput(upper), FromCenter: true);
    }

    private static BoundSpec? ReadRadius(JNode node, ValueReader values, FieldPositions positions)
    {
        const string path = "domain.radius";
        var bound = node is JArray
            ? values.NumberArray(node, path, positions) is { } array ? BoundSpec.PerInput(array) : null
            : values.Number(node, path) is double scalar ? BoundSpec.Broadcast(scalar) : null;
        if (bound == null) return null;
        bool ok = true;
        for (int i = 0; i < (bound.Length ?? 1); i++)
        {
            if (bound.At(i) >= 0) continue;
            string name = bound.Scalar != null ? path : $"{path}[{i}]";
            values.Bag.Error(positions.Of(name), SpecErrorCodes.NegativeRadius, $"{name} = {bound.At(i)} is negative");
            ok = false;
        }
        return ok ? bound : null;
    }
}
