using System.Globalization;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Specs.Json;

namespace VerifyGate.Core.Specs;

/// <summary>Reads typed values out of positioned JSON, reporting each mistake at its token.
/// Every method returns null after reporting an error. <c>field</c> is the path used in messages
/// and in <see cref="FieldPositions"/> ("domain.lower[2]").</summary>
internal sealed class ValueReader(DiagnosticBag bag)
{
    private static readonly string[] NonFiniteWords = ["nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"];

    public DiagnosticBag Bag => bag;

    public double? Number(JNode node, string field)
    {
        switch (node)
        {
            case JNumber number:
                double value = double.Parse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsFinite(value)) return value;
                bag.Error(node.Position, SpecErrorCodes.NonFiniteNumber,
                    $"'{field}' is {number.Text}, which is too large to be a finite number");
                return null;
            case JString text when NonFiniteWords.Contains(text.Value.Trim().ToLowerInvariant()):
                bag.Error(node.Position, SpecErrorCodes.NonFiniteNumber,
                    $"'{field}' is \"{text.Value}\": numbers must be finite");
                return null;
            default:
                WrongType(node, field, "a number");
                return null;
        }
    }

    /// <summary>A non-negative integer (an input or output index).</summary>
    public int? Index(JNode node, string field)
    {
        if (node is JNumber number
            && double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && value >= 0 && value <= int.MaxValue && Math.Floor(value) == value)
            return (int)value;
        WrongType(node, field, "a non-negative integer index");
        return null;
    }

    public string? String(JNode node, string field)
    {
        if (node is JString text) return text.Value;
        WrongType(node, field, "a string");
        return null;
    }

    /// <summary>A non-empty array of finite numbers; each element's position is recorded as "field[i]".</summary>
    public IReadOnlyList<double>? NumberArray(JNode node, string field, FieldPositions positions)
    {
        if (ElementsOf(node, field, "an array of numbers") is not { } items) return null;
        var values = new double[items.Count];
        bool ok = true;
        for (int i = 0; i < items.Count; i++)
        {
            positions.Set($"{field}[{i}]", items[i].Position);
            if (Number(items[i], $"{field}[{i}]") is double v) values[i] = v;
            else ok = false;
        }
        return ok ? values : null;
    }

    /// <summary>An array of distinct non-negative integers; <paramref name="allowEmpty"/> for lists that may be empty.</summary>
    public IReadOnlyList<int>? IndexArray(JNode node, string field, FieldPositions positions, bool allowEmpty)
    {
        if (ElementsOf(node, field, "an array of indices", allowEmpty) is not { } items) return null;
        var values = new List<int>();
        bool ok = true;
        for (int i = 0; i < items.Count; i++)
        {
            positions.Set($"{field}[{i}]", items[i].Position);
            if (Index(items[i], $"{field}[{i}]") is not int v) { ok = false; continue; }
            if (values.Contains(v))
            {
                bag.Error(items[i].Position, SpecErrorCodes.InvalidValue, $"'{field}' lists index {v} twice");
                ok = false;
            }
            values.Add(v);
        }
        return ok ? values : null;
    }

    /// <summary>"1", "2", "inf" or the numbers 1, 2 (as the schema says).</summary>
    public NormKind? Norm(JNode node, string field)
    {
        string? text = node switch
        {
            JString s => s.Value,
            // 1, 1.0 and 1e0 are the same number
            JNumber n => double.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v is 1 or 2
                ? v.ToString(CultureInfo.InvariantCulture) : n.Text,
            _ => null,
        };
        if (text == null)
        {
            WrongType(node, field, "a norm (\"1\", \"2\" or \"inf\")");
            return null;
        }
        switch (text)
        {
            case "1": return NormKind.One;
            case "2": return NormKind.Two;
            case "inf": return NormKind.Inf;
        }
        string shown = node is JString str ? $"\"{str.Value}\"" : text;
        bag.Error(node.Position, SpecErrorCodes.UnknownNorm, $"'{field}' is {shown}, which is not a known norm; use \"1\", \"2\" or \"inf\"");
        return null;
    }

    /// <summary>A string from a fixed set of spellings.</summary>
    public T? Choice<T>(JNode node, string field, IReadOnlyList<(string Text, T Value)> options) where T : struct
    {
        if (String(node, field) is not { } text) return null;
        foreach (var option in options)
            if (option.Text == text) return option.Value;
        bag.Error(node.Position, SpecErrorCodes.InvalidValue,
            $"'{field}' is \"{text}\"; expected one of {string.Join(", ", options.Select(o => $"\"{o.Text}\""))}");
        return null;
    }

    private IReadOnlyList<JNode>? ElementsOf(JNode node, string field, string expected, bool allowEmpty = false)
    {
        if (node is not JArray array)
        {
            WrongType(node, field, expected);
            return null;
        }
        if (array.Items.Count == 0 && !allowEmpty)
        {
            bag.Error(node.Position, SpecErrorCodes.InvalidValue, $"'{field}' is an empty array");
            return null;
        }
        return array.Items;
    }

    public void WrongType(JNode node, string field, string expected) =>
        bag.Error(node.Position, SpecErrorCodes.WrongType, $"'{field}' must be {expected}, not {node.Description}");
}
