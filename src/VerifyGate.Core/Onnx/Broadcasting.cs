namespace VerifyGate.Core.Onnx;

/// <summary>ONNX (numpy-style) multidirectional broadcasting over flattened row-major tensors.</summary>
internal static class Broadcasting
{
    public static int[] Shape(int[] a, int[] b, string where)
    {
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i - (rank - a.Length) >= 0 ? a[i - (rank - a.Length)] : 1;
            int db = i - (rank - b.Length) >= 0 ? b[i - (rank - b.Length)] : 1;
            if (da != db && da != 1 && db != 1)
                throw ImportCodes.Structure($"{where}: shapes {Shapes.Format(a)} and {Shapes.Format(b)} do not broadcast");
            result[i] = Math.Max(da, db);
        }
        return result;
    }

    /// <summary>For each flat position of a tensor of shape <paramref name="to"/>, the flat position of the
    /// element of a tensor of shape <paramref name="from"/> that broadcasts onto it.</summary>
    public static int[] SourceIndices(int[] from, int[] to)
    {
        int rank = to.Length;
        // Stride of each target axis in the source (0 where the source is broadcast).
        var strides = new int[rank];
        int stride = 1;
        for (int i = rank - 1; i >= 0; i--)
        {
            int j = i - (rank - from.Length);
            int d = j >= 0 ? from[j] : 1;
            strides[i] = d == 1 ? 0 : stride;
            stride *= d;
        }
        int size = Shapes.Product(to);
        var result = new int[size];
        var index = new int[rank];
        int source = 0;
        for (int flat = 0; flat < size; flat++)
        {
            result[flat] = source;
            for (int i = rank - 1; i >= 0; i--)
            {
                index[i]++;
                source += strides[i];
                if (index[i] < to[i]) break;
                source -= strides[i] * index[i];
                index[i] = 0;
            }
        }
        return result;
    }
}
