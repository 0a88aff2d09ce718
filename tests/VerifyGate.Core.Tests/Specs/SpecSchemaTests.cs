using System.Text.Json;
using Json.Schema;

namespace VerifyGate.Core.Tests.Specs;

/// <summary>build/verifygate.schema.json accepts what the loader accepts and rejects what it refuses.</summary>
public class SpecSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "build", "verifygate.schema.json"))));

    private static bool IsValid(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement).IsValid;
    }

    public static TheoryData<string> ValidExamples()
    {
        var data = new TheoryData<string>();
        foreach (string json in SpecExamples.Valid) data.Add(json);
        data.Add(SpecFixture.OneProperty("lipschitz", SpecFixture.Box2, "\"atMost\": 1"));
        data.Add(SpecFixture.OneProperty("lipschitz", "\"domain\": { \"center\": [1, -1], \"radius\": [0, 2] }", "\"atMost\": 1"));
        data.Add(SpecFixture.OneProperty("lipschitz", SpecFixture.Box2, "\"atMost\": 1", "\"inputNorm\": 2.0"));
        return data;
    }

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Accepts_valid_files(string json) => Assert.True(IsValid(json));

    [Fact]
    public void Accepts_the_spec_format_document_example()
    {
        string doc = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "..", "shared", "design", "spec-format.md"));
        int start = doc.IndexOf("```json\n{\n  \"model\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the example of spec-format.md was not found");
        start += "```json\n".Length;
        string example = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        Assert.True(IsValid(example));
    }

    public static TheoryData<string, string> InvalidExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (json, code) in SpecExamples.Invalid) data.Add(json, code);
        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void Rejects_invalid_files(string json, string code)
    {
        Assert.False(IsValid(json), $"the schema accepts a file the loader refuses with {code}");
    }
}
