namespace VerifyGate.Core.Tests.Specs;

/// <summary>Property files used by the loader tests and the schema tests alike, so the schema is
/// checked against exactly what the loader accepts and refuses.</summary>
internal static class SpecExamples
{
    /// <summary>The example of design/spec-format.md, verbatim; it checks acas_1_1.onnx.</summary>
    public const string SpecFormatExample = """
        {
          "model": "acas_1_1.onnx",
          "defaults": { "timeLimitSeconds": 120, "onInconclusive": "fail" },
          "properties": [
            {
              "name": "lipschitz-linf-near-head-on",
              "kind": "lipschitz",
              "domain": { "lower": [0.6, -0.5, -0.5, 0.45, -0.5], "upper": [0.68, 0.5, 0.5, 0.5, -0.45] },
              "inputNorm": "inf",
              "outputNorm": "inf",
              "outputs": [0, 1],
              "atMost": 40.0
            }
          ]
        }
        """;

    /// <summary>Every kind and every field; checks net.onnx, matching against ref.onnx.</summary>
    public const string AllKinds = """
        {
          "$schema": "../build/verifygate.schema.json",
          "model": "net.onnx",
          "properties": [
            {
              "name": "lip-l2",
              "kind": "lipschitz",
              "domain": { "lower": [0, -1, 2], "upper": [1, 1, 2] },
              "norm": 2,
              "outputNorm": "1",
              "outputs": [1],
              "atMost": 12.5,
              "timeLimitSeconds": 30,
              "onInconclusive": "warn",
              "solver": "gurobi"
            },
            {
              "name": "inv",
              "kind": "invertibility",
              "domain": { "lower": -2, "upper": 2 },
              "inputNorm": "1",
              "outputTolerance": 0.01,
              "atMost": 0,
              "solver": "highs"
            },
            {
              "name": "inv-radius",
              "kind": "invertibility-radius",
              "center": [1.96433, 1.24951, 2.1],
              "fixed": [2],
              "maxRadius": 3,
              "separation": 0.001,
              "norm": "inf",
              "atLeast": 0.6
            },
            {
              "name": "preimage",
              "kind": "preimage-radius",
              "center": [0.666201, 1.99221, 2.1],
              "fixed": [2],
              "maxRadius": 5,
              "atLeast": 4
            },
            {
              "name": "preimage-l2",
              "kind": "preimage-radius",
              "center": [0.666201, 1.99221, 2.1],
              "fixed": [2],
              "maxRadius": 5,
              "norm": "2",
              "atLeast": 4
            },
            {
              "name": "match",
              "kind": "matching",
              "domain": { "center": [0, 0, 2.1], "radius": [1, 0.5, 0] },
              "reference": "ref.onnx",
              "outputTolerance": 0,
              "atMost": 0.25
            }
          ]
        }
        """;

    /// <summary>Defaults used, overridden, and (for the radius kind) ignored where they do not apply.</summary>
    public const string WithDefaults = """
        {
          "defaults": {
            "kind": "lipschitz",
            "domain": { "center": [0.5, 0.5], "radius": 0.5 },
            "inputNorm": "2",
            "timeLimitSeconds": 60,
            "onInconclusive": "warn",
            "solver": "highs",
            "atMost": 5,
            "outputTolerance": 0.5
          },
          "properties": [
            { "name": "inherits" },
            { "name": "overrides", "norm": 1, "timeLimitSeconds": 10, "atMost": 3, "solver": "scip",
              "domain": { "lower": [0, 0], "upper": [2, 2] } },
            { "name": "radius", "kind": "preimage-radius", "center": [0.5, 0.5], "maxRadius": 1, "atLeast": 0.1 },
            { "name": "inv", "kind": "invertibility" }
          ]
        }
        """;

    /// <summary>Every form of the robustness kind's condition; checks net.onnx (2 inputs, 3 outputs).</summary>
    public const string Robustness = """
        {
          "model": "net.onnx",
          "defaults": { "domain": { "center": [0.5, 0.5], "radius": 0.1 } },
          "properties": [
            { "name": "label", "kind": "robustness", "label": 2 },
            { "name": "margin", "kind": "robustness", "label": 0, "atLeast": 0.25, "timeLimitSeconds": 5 },
            { "name": "bounds", "kind": "robustness", "outputs": { "lower": -1, "upper": [1, null, 2] } },
            { "name": "all", "kind": "robustness", "domain": { "lower": 0, "upper": 1 },
              "constraints": [ { "coefficients": [1, -1, 0], "atMost": 0 }, { "any": [ { "coefficients": [0, 1, 0], "atMost": 1 }, { "coefficients": [0, -1, 0], "atMost": -3 } ] } ] },
            { "name": "any", "kind": "robustness", "constraints": { "any": [ { "coefficients": [1, 0, 0], "atMost": 0 }, { "coefficients": [0, 0, 1], "atMost": 0 } ] } }
          ]
        }
        """;

    public static readonly string[] Valid = [SpecFormatExample, AllKinds, WithDefaults, Robustness];

    /// <summary>Invalid files with the code the loader reports for each; the schema must reject them too.</summary>
    public static readonly (string Json, string Code)[] Invalid =
    [
        (One("lipschitzz", Box, "\"atMost\": 1"), "VG1004"),
        (One("lipschitz", Box, "\"atMost\": 1", "\"atLeast\": 0"), "VG1015"),
        (One("lipschitz", Box), "VG1015"),
        (One("lipschitz", Box, "\"atmost\": 1"), "VG1007"),
        (One("lipschitz", Box, "\"atMost\": 1", "\"inputNorm\": \"3\""), "VG1008"),
        (One("lipschitz", Box, "\"atMost\": \"forty\""), "VG1006"),
        (One("lipschitz", Box, "\"atLeast\": 1"), "VG1022"),
        (One("lipschitz", Box, "\"atMost\": 1", "\"timeLimitSeconds\": -5"), "VG1012"),
        (One("lipschitz", Box, "\"atMost\": 1", "\"center\": [0, 0]"), "VG1023"),
        (One("lipschitz", Box, "\"atMost\": 1", "\"solver\": \"cplex\""), "VG1020"),
        (One("lipschitz", "\"domain\": { \"lower\": [0, 0] }", "\"atMost\": 1"), "VG1005"),
        (One("lipschitz", "\"atMost\": 1"), "VG1005"),
        (One("lipschitz", "\"domain\": { \"center\": [0, 0], \"radius\": -0.1 }", "\"atMost\": 1"), "VG1011"),
        (One("invertibility", Box, "\"atMost\": 0", "\"outputTolerance\": -1"), "VG1024"),
        (One("matching", Box, "\"atMost\": 0"), "VG1018"),
        (One("preimage-radius", "\"maxRadius\": 1", "\"atLeast\": 0.5"), "VG1016"),
        (One("invertibility-radius", "\"center\": [0, 0]", "\"maxRadius\": 1", "\"atLeast\": 0.1", "\"norm\": \"3\""), "VG1008"),
        (One("invertibility-radius", Box, "\"center\": [0, 0]", "\"maxRadius\": 1", "\"atLeast\": 0.1"), "VG1023"),
        (One("invertibility-radius", "\"center\": [0, 0]", "\"maxRadius\": -1", "\"atLeast\": 0.1"), "VG1011"),
        (One("lipschitz", "\"domain\": { \"lower\": 0, \"upper\": 1, \"radius\": 1 }", "\"atMost\": 1"), "VG1020"),
        (One("lipschitz", Box, "\"atMost\": 1", "\"outputs\": []"), "VG1020"),
        (One("lipschitz", Box, "\"atMost\": \"NaN\""), "VG1010"),
        (One("lipschitz", "\"domain\": { \"lower\": [0, 0], \"upper\": [1, 1] }", "\"atMost\": 1", "\"onInconclusive\": \"ignore\""), "VG1020"),
        (One("preimage-radius", "\"center\": [0]", "\"maxRadius\": 1", "\"atLeast\": 1", "\"separation\": 0"), "VG1024"),
        (One("robustness", Box), "VG1027"),
        (One("robustness", Box, "\"label\": 0", "\"outputs\": { \"lower\": 0 }"), "VG1027"),
        (One("robustness", Box, "\"label\": 0", "\"atMost\": 1"), "VG1022"),
        (One("robustness", Box, "\"label\": -1"), "VG1006"),
        (One("robustness", Box, "\"outputs\": { }"), "VG1005"),
        (One("robustness", Box, "\"constraints\": [ { \"coefficients\": [1] } ]"), "VG1005"),
        (One("robustness", Box, "\"constraints\": { \"any\": [ { \"all\": [] } ] }"), "VG1020"),
        (One("robustness", "\"label\": 0"), "VG1005"),
        (One("lipschitz", Box, "\"atMost\": 1", "\"label\": 0"), "VG1023"),
        ("""{ "defaults": { "name": "x" }, "properties": [] }""", "VG1007"),
        ("""{ "properties": {} }""", "VG1003"),
        ("[1, 2]", "VG1002"),
    ];

    public const string Box = SpecFixture.Box2;

    private static string One(string kind, params string[] fields) => SpecFixture.OneProperty(kind, fields);
}
