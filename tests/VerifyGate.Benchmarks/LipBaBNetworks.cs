namespace VerifyGate.Benchmarks;

/// <summary>One of LipBaB's four example networks: the ONNX copy in the shared models, the input box
/// [0, Width]^n of LipBaB's experiments, and the name of its .npy files in LipBaB's saved_networks/.</summary>
public sealed record LipBaBNetwork(string Label, string OnnxFile, double Width, string SavedName);

public static class LipBaBNetworks
{
    public static IReadOnlyList<LipBaBNetwork> All { get; } =
    [
        new("iris_net_4_5_5_3 [0,1]^4", "lipbab/iris_net_4_5_5_3.onnx", 1.0, "iris_net_(4,5,5,3)"),
        new("SDnet_10_15_10_3 [0,0.1]^10", "lipbab/SDnet_10_15_10_3.onnx", 0.1, "SDnet_(10,15,10,3)"),
        new("SDnet_10_20_15_10_3 [0,0.1]^10", "lipbab/SDnet_10_20_15_10_3.onnx", 0.1, "SDnet_(10,20,15,10,3)"),
        new("SDnet_10_30_30_30_3 [0,0.1]^10", "lipbab/SDnet_10_30_30_30_3.onnx", 0.1, "SDnet_(10,30,30,30,3)"),
    ];
}
