namespace VerifyGate.Core.Bounds;

/// <summary>A dense matrix of intervals [Lower[r, c], Upper[r, c]], row-major.</summary>
public sealed class IntervalMatrix
{
    private readonly double[] _lower;
    private readonly double[] _upper;

    public IntervalMatrix(int rows, int columns, double[] lower, double[] upper)
    {
        if (lower.Length != rows * columns || upper.Length != rows * columns)
            throw new ArgumentException($"a {rows} x {columns} interval matrix needs {rows * columns} ends, got {lower.Length} and {upper.Length}");
        Rows = rows;
        Columns = columns;
        _lower = lower;
        _upper = upper;
    }

    public int Rows { get; }
    public int Columns { get; }

    public double Lower(int row, int column) => _lower[row * Columns + column];
    public double Upper(int row, int column) => _upper[row * Columns + column];

    /// <summary>max |J[r, c]| over the interval: every matrix inside satisfies |J| ≤ this entrywise.</summary>
    public double Magnitude(int row, int column) => Math.Max(Math.Abs(Lower(row, column)), Math.Abs(Upper(row, column)));

    public double[,] Magnitudes()
    {
        var m = new double[Rows, Columns];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
                m[r, c] = Magnitude(r, c);
        return m;
    }

    public bool Contains(int row, int column, double value) => Lower(row, column) <= value && value <= Upper(row, column);

    /// <summary>The entrywise intersection with another enclosure of the same matrices (both sound: so is it).</summary>
    public IntervalMatrix Intersect(IntervalMatrix other)
    {
        if (other.Rows != Rows || other.Columns != Columns)
            throw new ArgumentException($"cannot intersect a {Rows} x {Columns} with a {other.Rows} x {other.Columns} interval matrix");
        var lo = new double[_lower.Length];
        var hi = new double[_upper.Length];
        for (int k = 0; k < lo.Length; k++)
        {
            lo[k] = Math.Max(_lower[k], other._lower[k]);
            hi[k] = Math.Min(_upper[k], other._upper[k]);
            if (lo[k] > hi[k])
                throw new InvalidOperationException($"interval Jacobians do not meet at entry {k}: some bound is unsound");
        }
        return new IntervalMatrix(Rows, Columns, lo, hi);
    }

    /// <summary>The sub-matrix of the given rows (in that order).</summary>
    public IntervalMatrix SelectRows(int[] rows)
    {
        var lo = new double[rows.Length * Columns];
        var hi = new double[rows.Length * Columns];
        for (int k = 0; k < rows.Length; k++)
        {
            Array.Copy(_lower, rows[k] * Columns, lo, k * Columns, Columns);
            Array.Copy(_upper, rows[k] * Columns, hi, k * Columns, Columns);
        }
        return new IntervalMatrix(rows.Length, Columns, lo, hi);
    }

    /// <summary>The sub-matrix of the given columns (in that order).</summary>
    public IntervalMatrix SelectColumns(int[] columns)
    {
        var lo = new double[Rows * columns.Length];
        var hi = new double[Rows * columns.Length];
        for (int r = 0; r < Rows; r++)
            for (int k = 0; k < columns.Length; k++)
            {
                lo[r * columns.Length + k] = Lower(r, columns[k]);
                hi[r * columns.Length + k] = Upper(r, columns[k]);
            }
        return new IntervalMatrix(Rows, columns.Length, lo, hi);
    }
}
