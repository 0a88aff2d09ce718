using Google.Protobuf;
using Onnx;
using AttributeType = Onnx.AttributeProto.Types.AttributeType;

namespace VerifyGate.Core.Tests.Onnx;

/// <summary>Writes small ONNX models with OnnxSharp's protobuf classes, for tests.</summary>
public sealed class OnnxModelBuilder(long opset = 13)
{
    private readonly GraphProto _graph = new() { Name = "test" };

    /// <summary>A float input; a negative dimension is symbolic ("N").</summary>
    public OnnxModelBuilder Input(string name, params long[] dims)
    {
        _graph.Input.Add(ValueInfo(name, dims));
        return this;
    }

    public OnnxModelBuilder Output(string name, params long[] dims)
    {
        _graph.Output.Add(ValueInfo(name, dims));
        return this;
    }

    public OnnxModelBuilder Initializer(string name, long[] dims, IEnumerable<float> values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        _graph.Initializer.Add(t);
        return this;
    }

    public OnnxModelBuilder Int64Initializer(string name, params long[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.Add(values.Length);
        t.Int64Data.AddRange(values);
        _graph.Initializer.Add(t);
        return this;
    }

    /// <summary>An initializer of the given shape with seeded random values in [-1, 1].</summary>
    public OnnxModelBuilder Random(string name, int seed, params long[] dims)
    {
        var rng = new Random(seed);
        long count = dims.Aggregate(1L, (p, d) => p * d);
        return Initializer(name, dims, Enumerable.Range(0, (int)count).Select(_ => (float)(rng.NextDouble() * 2 - 1)));
    }

    public OnnxModelBuilder Node(string op, string[] inputs, string[] outputs, string? name = null, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name ?? outputs[0] };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return this;
    }

    public OnnxModelBuilder Node(string op, string input, string output, params AttributeProto[] attributes) =>
        Node(op, [input], [output], null, attributes);

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeType.Int, I = value };
    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeType.Float, F = value };
    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }
    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeType.String, S = ByteString.CopyFromUtf8(value) };
    public static AttributeProto Tensor(string name, long[] dims, params float[] values)
    {
        var t = new TensorProto { DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        return new AttributeProto { Name = name, Type = AttributeType.Tensor, T = t };
    }

    public static AttributeProto BoolTensor(string name, bool value)
    {
        var t = new TensorProto { DataType = (int)TensorProto.Types.DataType.Bool };
        t.Int32Data.Add(value ? 1 : 0);
        return new AttributeProto { Name = name, Type = AttributeType.Tensor, T = t };
    }

    public ModelProto Model()
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "VerifyGate tests", Graph = _graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    public byte[] ToBytes() => Model().ToByteArray();

    public string Save(string directory, string fileName)
    {
        string path = System.IO.Path.Combine(directory, fileName);
        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    /// <summary>A float tensor; no dimensions means the shape is left undeclared.</summary>
    private static ValueInfoProto ValueInfo(string name, long[] dims)
    {
        var shape = dims.Length == 0 ? null : new TensorShapeProto();
        foreach (long d in dims)
            shape!.Dim.Add(d < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "N" } : new TensorShapeProto.Types.Dimension { DimValue = d });
        var type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } };
        return new ValueInfoProto { Name = name, Type = type };
    }
}
