namespace VerifyGate.Testing;

/// <summary>A property file with one l_inf Lipschitz property of the LipBaB iris network
/// (iris_net_4_5_5_3, 4-5-5-3) on [0,1]^4, whose certified constant is 12.605: <c>atMost</c> 20 passes,
/// 5 is violated. The threshold's value is at line 8, column 17.</summary>
public static class IrisSpec
{
    public const string ModelFile = "iris_net_4_5_5_3.onnx";

    /// <summary>The shared model's full path.</summary>
    public static string SharedModel => Path.GetFullPath(RepoPaths.Of($"../shared/models/lipbab/{ModelFile}"));

    public static string Text(string model, string property, double atMost) => $$"""
        {
          "model": "{{model.Replace("\\", "/")}}",
          "properties": [
            {
              "name": "{{property}}",
              "kind": "lipschitz",
              "domain": { "lower": 0, "upper": 1 },
              "atMost": {{atMost}}
            }
          ]
        }
        """;
}
