using CsCheck;

namespace VerifyGate.Core.Tests.Fuzzing;

public enum SpecEdit { DeleteToken, DuplicateToken, SwapTokens, ReplaceNumber, ReplaceString, Truncate, InsertBytes }

/// <summary>One edit of a property file; <see cref="A"/> and <see cref="B"/> pick tokens, offsets or
/// replacements (modulo their counts), so the same edit applies to any seed file.</summary>
public sealed record SpecMutation(SpecEdit Edit, int A, int B)
{
    public static readonly string[] Numbers =
    [
        "1e309", "-1e309", "-0", "0", "-1", "0.5", "1e-400", "4.9e-324", "1.7976931348623157e308", "9007199254740993",
        "2147483648", "-2147483649", "99999999999999999999999", "1e6", "1e7", "NaN", "Infinity", "-Infinity", "\"NaN\"",
        "\"inf\"", "\"1\"", "true", "null", "{}", "[]", "[1, 2]", "[null]", "[[0]]", "0x10", "1.", ".5", "+1", "01",
        "[" + string.Join(",", Enumerable.Repeat("0.25", 100_000)) + "]",
        new string('[', 2000) + new string(']', 2000),
    ];

    public static readonly string[] Strings =
    [
        "\"\"", "\" \"", "\"inf\"", "\"1\"", "\"2\"", "\"lipschitz\"", "\"invertibility\"", "\"invertibility-radius\"",
        "\"preimage-radius\"", "\"matching\"", "\"atMost\"", "\"atLeast\"", "\"domain\"", "\"center\"", "\"warn\"", "\"gurobi\"",
        "\"highs\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\\\\"", "\"é\"", "\"../../../../etc/passwd\"", "\"nowhere.onnx\"",
        "\"controller.onnx\"", "\"controller-pruned.onnx\"", "\"vanderpol-step.onnx\"", "\"/\"", "\"a\\nb\"", "\"con:\"",
        "\"" + new string('x', 5000) + "\"", "\"\\u12\"", "\"unterminated",
    ];

    public static readonly byte[][] Garbage =
    [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0x80],
        [0xC0, 0xAF], "\r"u8.ToArray(), "/*"u8.ToArray(), "//"u8.ToArray(), ","u8.ToArray(), "\""u8.ToArray(), "\\"u8.ToArray(),
    ];

    public static readonly Gen<SpecMutation> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Enum<SpecEdit>(), CsCheck.Gen.Int[0, 100_000], CsCheck.Gen.Int[0, 100_000], (e, a, b) => new SpecMutation(e, a, b));

    /// <summary>Applies the edits in order: token edits on the text, byte edits on its UTF-8.</summary>
    public static byte[] ApplyAll(string seed, IReadOnlyList<SpecMutation> mutations)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(seed);
        foreach (var m in mutations) bytes = m.Apply(bytes);
        return bytes;
    }

    /// <summary>The seed, the edits and the file they make (what a failure prints).</summary>
    public static string Describe(SpecSeed seed, IReadOnlyList<SpecMutation> mutations) =>
        $"{seed} with {string.Join(", ", mutations)}:\n{DiagnosticPositions.Show(ApplyAll(seed.Text, mutations))}";

    public byte[] Apply(byte[] bytes)
    {
        switch (Edit)
        {
            case SpecEdit.Truncate:
                return bytes[..(A % (bytes.Length + 1))];
            case SpecEdit.InsertBytes:
                int at = A % (bytes.Length + 1);
                var garbage = B % 3 == 0 ? [(byte)(B % 256)] : Garbage[B % Garbage.Length];
                return [.. bytes[..at], .. garbage, .. bytes[at..]];
        }
        var tokens = JsonTokens.Split(System.Text.Encoding.UTF8.GetString(bytes));
        var solid = Enumerable.Range(0, tokens.Count).Where(i => tokens[i].Kind != JsonTokenKind.Space).ToList();
        if (solid.Count == 0) return bytes;
        int i = solid[A % solid.Count], j = solid[B % solid.Count];
        switch (Edit)
        {
            case SpecEdit.DeleteToken: tokens.RemoveAt(i); break;
            case SpecEdit.DuplicateToken: tokens.Insert(i, tokens[i]); break;
            case SpecEdit.SwapTokens: (tokens[i], tokens[j]) = (tokens[j], tokens[i]); break;
            case SpecEdit.ReplaceNumber: Replace(tokens, solid, JsonTokenKind.Word, Numbers[B % Numbers.Length]); break;
            case SpecEdit.ReplaceString: Replace(tokens, solid, JsonTokenKind.String, Strings[B % Strings.Length]); break;
        }
        return System.Text.Encoding.UTF8.GetBytes(string.Concat(tokens.Select(t => t.Text)));
    }

    /// <summary>Replaces the first token of the kind at or after the A-th solid token (wrapping around).</summary>
    private void Replace(List<JsonToken> tokens, List<int> solid, JsonTokenKind kind, string text)
    {
        for (int k = 0; k < solid.Count; k++)
        {
            int index = solid[(A + k) % solid.Count];
            if (tokens[index].Kind != kind) continue;
            tokens[index] = new JsonToken(kind, text);
            return;
        }
    }

    public override string ToString() => $"{Edit}({A}, {B})";
}
