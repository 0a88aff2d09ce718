using Onnx;

namespace VerifyGate.Core.Onnx;

/// <summary>Typed access to a node's attributes, with ONNX defaults.</summary>
internal static class NodeAttributes
{
    public static AttributeProto? Attribute(this NodeProto node, string name) =>
        node.Attribute.FirstOrDefault(a => a.Name == name);

    public static long Int(this NodeProto node, string name, long fallback) =>
        node.Attribute(name) is { } a ? a.I : fallback;

    public static double Float(this NodeProto node, string name, double fallback) =>
        node.Attribute(name) is { } a ? a.F : fallback;

    public static long[]? Ints(this NodeProto node, string name) =>
        node.Attribute(name) is { } a ? a.Ints.ToArray() : null;

    public static string? String(this NodeProto node, string name) =>
        node.Attribute(name) is { } a ? a.S.ToStringUtf8() : null;

    /// <summary>"Gemm node 'Gemm_3'" (the output name stands in for an empty node name).</summary>
    public static string Describe(this NodeProto node) => $"{node.OpType} node '{DisplayName(node)}'";

    public static string DisplayName(this NodeProto node) =>
        node.Name.Length > 0 ? node.Name : node.Output.FirstOrDefault() ?? "";
}
