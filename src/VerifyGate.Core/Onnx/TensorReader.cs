using System.Buffers.Binary;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace VerifyGate.Core.Onnx;

/// <summary>Reads an ONNX TensorProto (initializer or Constant value) into float64 values.</summary>
internal static class TensorReader
{
    public static ConstantTensor Read(TensorProto tensor, string what)
    {
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
            throw ImportCodes.Structure($"{what} keeps its data in an external file, which is not supported");
        var shape = new int[tensor.Dims.Count];
        for (int i = 0; i < shape.Length; i++)
        {
            long d = tensor.Dims[i];
            if (d <= 0 || d > int.MaxValue)
                throw ImportCodes.Structure($"{what} has dimension {d} in shape [{string.Join(",", tensor.Dims)}]");
            shape[i] = (int)d;
        }
        int count = Shapes.Product(shape);
        var data = ReadValues(tensor, count, what);
        if (data.Length != count)
            throw new OnnxImportException(ImportCodes.NotOnnx, $"{what} has {data.Length} values but its shape {Shapes.Format(shape)} needs {count}");
        for (int i = 0; i < data.Length; i++)
            if (!double.IsFinite(data[i]))
                throw new OnnxImportException(ImportCodes.NonFiniteWeights,
                    $"{what} holds {(double.IsNaN(data[i]) ? "a NaN" : "an infinite")} value at position {i}");
        return new ConstantTensor(shape, data);
    }

    private static double[] ReadValues(TensorProto t, int count, string what)
    {
        var raw = t.RawData.Span;
        bool hasRaw = !t.RawData.IsEmpty;
        switch ((DataType)t.DataType)
        {
            case DataType.Float:
                return hasRaw ? FromRaw(raw, 4, b => BinaryPrimitives.ReadSingleLittleEndian(b)) : t.FloatData.Select(v => (double)v).ToArray();
            case DataType.Double:
                return hasRaw ? FromRaw(raw, 8, b => BinaryPrimitives.ReadDoubleLittleEndian(b)) : t.DoubleData.ToArray();
            case DataType.Float16:
                return hasRaw ? FromRaw(raw, 2, b => (double)BinaryPrimitives.ReadHalfLittleEndian(b))
                              : t.Int32Data.Select(v => (double)BitConverter.UInt16BitsToHalf((ushort)v)).ToArray();
            case DataType.Int64:
                return hasRaw ? FromRaw(raw, 8, b => BinaryPrimitives.ReadInt64LittleEndian(b)) : t.Int64Data.Select(v => (double)v).ToArray();
            case DataType.Int32:
                return hasRaw ? FromRaw(raw, 4, b => BinaryPrimitives.ReadInt32LittleEndian(b)) : t.Int32Data.Select(v => (double)v).ToArray();
            case DataType.Int16:
                return hasRaw ? FromRaw(raw, 2, b => BinaryPrimitives.ReadInt16LittleEndian(b)) : t.Int32Data.Select(v => (double)v).ToArray();
            case DataType.Int8:
                return hasRaw ? FromRaw(raw, 1, b => (sbyte)b[0]) : t.Int32Data.Select(v => (double)v).ToArray();
            case DataType.Uint8 or DataType.Bool:
                return hasRaw ? FromRaw(raw, 1, b => b[0]) : t.Int32Data.Select(v => (double)v).ToArray();
            default:
                throw ImportCodes.Structure($"{what} has element type {(DataType)t.DataType}, which is not supported");
        }
    }

    private delegate double ElementReader(ReadOnlySpan<byte> bytes);

    private static double[] FromRaw(ReadOnlySpan<byte> raw, int width, ElementReader read)
    {
        if (raw.Length % width != 0)
            throw new OnnxImportException(ImportCodes.NotOnnx, $"raw tensor data of {raw.Length} bytes is not a whole number of {width}-byte values");
        var values = new double[raw.Length / width];
        for (int i = 0; i < values.Length; i++) values[i] = read(raw.Slice(i * width, width));
        return values;
    }
}
