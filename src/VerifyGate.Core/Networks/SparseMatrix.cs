namespace VerifyGate.Core.Networks;

/// <summary>An immutable float64 matrix in compressed sparse row form. Dense layers are stored the
/// same way: one representation keeps evaluation, bounds and encodings free of special cases.</summary>
public sealed class SparseMatrix
{
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly double[] _values;

    public int Rows { get; }
    public int Columns { get; }
    public int NonZeros => _values.Length;

    private SparseMatrix(int rows, int columns, int[] rowStart, int[] cols, double[] values)
    {
        Rows = rows;
        Columns = columns;
        _rowStart = rowStart;
        _columns = cols;
        _values = values;
    }

    public static SparseMatrix FromDense(double[,] dense, double dropBelow = 0.0)
    {
        var builder = new Builder(dense.GetLength(0), dense.GetLength(1));
        for (int r = 0; r < dense.GetLength(0); r++)
            for (int c = 0; c < dense.GetLength(1); c++)
                if (Math.Abs(dense[r, c]) > dropBelow || double.IsNaN(dense[r, c]))
                    builder.Add(r, c, dense[r, c]);
        return builder.Build();
    }

    /// <summary>Row-major dense data (rows x columns).</summary>
    public static SparseMatrix FromRowMajor(int rows, int columns, ReadOnlySpan<double> data)
    {
        if (data.Length != rows * columns)
            throw new ArgumentException($"expected {rows * columns} values, got {data.Length}");
        var builder = new Builder(rows, columns);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                double v = data[r * columns + c];
                if (v != 0.0) builder.Add(r, c, v);
            }
        return builder.Build();
    }

    public static SparseMatrix Identity(int size) => Diagonal(Enumerable.Repeat(1.0, size).ToArray());

    public static SparseMatrix Diagonal(ReadOnlySpan<double> diagonal)
    {
        var builder = new Builder(diagonal.Length, diagonal.Length);
        for (int i = 0; i < diagonal.Length; i++)
            if (diagonal[i] != 0.0) builder.Add(i, i, diagonal[i]);
        return builder.Build();
    }

    public ReadOnlySpan<int> RowColumns(int row) => _columns.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);
    public ReadOnlySpan<double> RowValues(int row) => _values.AsSpan(_rowStart[row], _rowStart[row + 1] - _rowStart[row]);

    public double this[int row, int column]
    {
        get
        {
            var cols = RowColumns(row);
            int k = cols.BinarySearch(column);
            return k >= 0 ? RowValues(row)[k] : 0.0;
        }
    }

    /// <summary>y += A x.</summary>
    public void MultiplyAdd(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != Columns || y.Length != Rows)
            throw new ArgumentException($"shape mismatch: {Rows}x{Columns} times {x.Length} into {y.Length}");
        for (int r = 0; r < Rows; r++)
        {
            double sum = 0.0;
            for (int k = _rowStart[r]; k < _rowStart[r + 1]; k++)
                sum += _values[k] * x[_columns[k]];
            y[r] += sum;
        }
    }

    public double[] Multiply(ReadOnlySpan<double> x)
    {
        var y = new double[Rows];
        MultiplyAdd(x, y);
        return y;
    }

    /// <summary>y += Aᵀ x.</summary>
    public void TransposeMultiplyAdd(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != Rows || y.Length != Columns)
            throw new ArgumentException($"shape mismatch: ({Rows}x{Columns})ᵀ times {x.Length} into {y.Length}");
        for (int r = 0; r < Rows; r++)
        {
            double xr = x[r];
            if (xr == 0.0) continue;
            for (int k = _rowStart[r]; k < _rowStart[r + 1]; k++)
                y[_columns[k]] += _values[k] * xr;
        }
    }

    /// <summary>The product this · other.</summary>
    public SparseMatrix Multiply(SparseMatrix other)
    {
        if (Columns != other.Rows)
            throw new ArgumentException($"shape mismatch: {Rows}x{Columns} times {other.Rows}x{other.Columns}");
        var builder = new Builder(Rows, other.Columns);
        var accumulator = new double[other.Columns];
        var touched = new List<int>();
        var seen = new bool[other.Columns];
        for (int r = 0; r < Rows; r++)
        {
            for (int k = _rowStart[r]; k < _rowStart[r + 1]; k++)
            {
                int mid = _columns[k];
                double a = _values[k];
                var cols = other.RowColumns(mid);
                var vals = other.RowValues(mid);
                for (int j = 0; j < cols.Length; j++)
                {
                    int c = cols[j];
                    if (!seen[c]) { seen[c] = true; touched.Add(c); }
                    accumulator[c] += a * vals[j];
                }
            }
            touched.Sort();
            foreach (int c in touched)
            {
                if (accumulator[c] != 0.0) builder.Add(r, c, accumulator[c]);
                accumulator[c] = 0.0;
                seen[c] = false;
            }
            touched.Clear();
        }
        return builder.Build();
    }

    public SparseMatrix Transpose()
    {
        var builder = new Builder(Columns, Rows);
        var entries = new List<(int Row, int Col, double Value)>(NonZeros);
        for (int r = 0; r < Rows; r++)
            for (int k = _rowStart[r]; k < _rowStart[r + 1]; k++)
                entries.Add((_columns[k], r, _values[k]));
        foreach (var (row, col, value) in entries.OrderBy(e => e.Row).ThenBy(e => e.Col))
            builder.Add(row, col, value);
        return builder.Build();
    }

    public SparseMatrix Scale(double factor) => Map(v => v * factor);

    public SparseMatrix Map(Func<double, double> transform)
    {
        var values = new double[_values.Length];
        for (int k = 0; k < values.Length; k++) values[k] = transform(_values[k]);
        return new SparseMatrix(Rows, Columns, _rowStart, _columns, values);
    }

    public double[,] ToDense()
    {
        var dense = new double[Rows, Columns];
        for (int r = 0; r < Rows; r++)
            for (int k = _rowStart[r]; k < _rowStart[r + 1]; k++)
                dense[r, _columns[k]] = _values[k];
        return dense;
    }

    public bool AllFinite()
    {
        foreach (double v in _values)
            if (!double.IsFinite(v)) return false;
        return true;
    }

    /// <summary>Collects entries row by row; within a row columns may arrive in any order and
    /// repeated (row, column) pairs are summed.</summary>
    public sealed class Builder(int rows, int columns)
    {
        private readonly List<(int Row, int Col, double Value)> _entries = new();

        public void Add(int row, int column, double value)
        {
            if ((uint)row >= (uint)rows || (uint)column >= (uint)columns)
                throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}) outside {rows}x{columns}");
            _entries.Add((row, column, value));
        }

        public SparseMatrix Build()
        {
            var sorted = _entries;
            if (!IsSorted(sorted))
                sorted.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Col.CompareTo(b.Col));
            var rowStart = new int[rows + 1];
            var cols = new List<int>(sorted.Count);
            var values = new List<double>(sorted.Count);
            int current = 0;
            for (int i = 0; i < sorted.Count; i++)
            {
                var (row, col, value) = sorted[i];
                if (cols.Count > rowStart[row] && current == row && cols[^1] == col)
                {
                    values[^1] += value;
                    continue;
                }
                while (current < row) rowStart[++current] = cols.Count;
                cols.Add(col);
                values.Add(value);
            }
            while (current < rows) rowStart[++current] = cols.Count;
            return new SparseMatrix(rows, columns, rowStart, cols.ToArray(), values.ToArray());
        }

        /// <summary>Entries usually arrive row by row, column by column: then no sort is needed.</summary>
        private static bool IsSorted(List<(int Row, int Col, double Value)> entries)
        {
            for (int i = 1; i < entries.Count; i++)
            {
                var (r0, c0, _) = entries[i - 1];
                var (r1, c1, _) = entries[i];
                if (r1 < r0 || (r1 == r0 && c1 < c0)) return false;
            }
            return true;
        }
    }
}
