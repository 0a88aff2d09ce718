using Google.Protobuf;
using Onnx;

namespace VerifyGate.Samples;

/// <summary>Writes an <see cref="Mlp"/> as an ONNX graph of Gemm (transB = 1) and Relu nodes with float32
/// initializers, opset 13. Protobuf serialisation of the same message is deterministic.</summary>
public static class OnnxExport
{
    public static byte[] ToBytes(Mlp network, string graphName)
    {
        var graph = new GraphProto { Name = graphName };
        graph.Input.Add(Value("input", network.InputSize));
        string current = "input";
        for (int k = 0; k < network.Weights.Length; k++)
        {
            var w = network.Weights[k];
            string weight = $"layer{k}.weight", bias = $"layer{k}.bias";
            graph.Initializer.Add(Tensor(weight, [w.GetLength(0), w.GetLength(1)], w.Cast<double>()));
            graph.Initializer.Add(Tensor(bias, [w.GetLength(0)], network.Biases[k]));
            bool last = k + 1 == network.Weights.Length;
            string gemmOutput = last ? "output" : $"layer{k}.linear";
            var gemm = new NodeProto { OpType = "Gemm", Name = $"layer{k}.gemm" };
            gemm.Input.AddRange([current, weight, bias]);
            gemm.Output.Add(gemmOutput);
            gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            graph.Node.Add(gemm);
            current = gemmOutput;
            if (last) break;
            var relu = new NodeProto { OpType = "Relu", Name = $"layer{k}.relu" };
            relu.Input.Add(current);
            relu.Output.Add($"layer{k}.relu");
            graph.Node.Add(relu);
            current = $"layer{k}.relu";
        }
        graph.Output.Add(Value("output", network.OutputSize));
        var model = new ModelProto { IrVersion = 8, ProducerName = "VerifyGate sample generator", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        return model.ToByteArray();
    }

    private static TensorProto Tensor(string name, long[] dims, IEnumerable<double> values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values.Select(v => (float)v));
        return tensor;
    }

    private static ValueInfoProto Value(string name, int size)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = 1 });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = size });
        var type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } };
        return new ValueInfoProto { Name = name, Type = type };
    }
}
