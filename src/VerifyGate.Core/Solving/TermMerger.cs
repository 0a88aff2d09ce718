namespace VerifyGate.Core.Solving;

/// <summary>Merges repeated terms of an <see cref="Expr"/> into sorted, duplicate-free arrays
/// (solvers either reject duplicates or silently keep only the last one).</summary>
internal static class TermMerger
{
    public static (int[] Vars, double[] Coefs) MergeLinear(List<int> vars, List<double> coefs)
    {
        int n = vars.Count;
        var keys = vars.ToArray();
        var values = coefs.ToArray();
        if (!IsStrictlySorted(keys)) Array.Sort(keys, values);
        return Compact(keys, values, n);
    }

    public static (int[] Vars1, int[] Vars2, double[] Coefs) MergeQuadratic(List<int> v1, List<int> v2, List<double> coefs)
    {
        int n = coefs.Count;
        var keys = new long[n];
        var values = coefs.ToArray();
        for (int k = 0; k < n; k++)
        {
            int a = Math.Min(v1[k], v2[k]), b = Math.Max(v1[k], v2[k]);
            keys[k] = ((long)a << 32) | (uint)b;
        }
        Array.Sort(keys, values);
        var (merged, mergedCoefs) = Compact(keys, values, n);
        var vars1 = new int[merged.Length];
        var vars2 = new int[merged.Length];
        for (int k = 0; k < merged.Length; k++)
        {
            vars1[k] = (int)(merged[k] >> 32);
            vars2[k] = (int)(merged[k] & 0xFFFFFFFF);
        }
        return (vars1, vars2, mergedCoefs);
    }

    private static bool IsStrictlySorted(int[] keys)
    {
        for (int k = 1; k < keys.Length; k++) if (keys[k] <= keys[k - 1]) return false;
        return true;
    }

    private static (T[] Keys, double[] Values) Compact<T>(T[] keys, double[] values, int n) where T : IEquatable<T>
    {
        int count = 0;
        for (int k = 0; k < n; k++)
        {
            if (count > 0 && keys[count - 1].Equals(keys[k])) values[count - 1] += values[k];
            else
            {
                keys[count] = keys[k];
                values[count] = values[k];
                count++;
            }
        }
        // Terms that cancel exactly are dropped.
        int kept = 0;
        for (int k = 0; k < count; k++)
        {
            if (values[k] == 0) continue;
            keys[kept] = keys[k];
            values[kept] = values[k];
            kept++;
        }
        return (keys[..kept], values[..kept]);
    }
}
