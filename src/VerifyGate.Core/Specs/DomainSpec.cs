namespace VerifyGate.Core.Specs;

/// <summary>One side of a box: either a scalar applying to every input (its length is only known
/// once the model is) or one value per input.</summary>
public sealed record BoundSpec
{
    private BoundSpec(double? scalar, IReadOnlyList<double>? values)
    {
        Scalar = scalar;
        Values = values;
    }

    public static BoundSpec Broadcast(double value) => new(value, null);
    public static BoundSpec PerInput(IReadOnlyList<double> values) => new(null, values);

    public double? Scalar { get; }
    public IReadOnlyList<double>? Values { get; }

    /// <summary>Number of values, or null for a scalar.</summary>
    public int? Length => Values?.Count;

    public double At(int index) => Scalar ?? Values![index];

    public double[] Resolve(int inputSize) =>
        Scalar is double s ? Enumerable.Repeat(s, inputSize).ToArray() : [.. Values!];
}

/// <summary>The <c>domain</c> box lower &lt;= x &lt;= upper. The center/radius form is already turned
/// into lower/upper; <see cref="FromCenter"/> says which form the file used (for messages).</summary>
public sealed record DomainSpec(BoundSpec Lower, BoundSpec Upper, bool FromCenter = false)
{
    /// <summary>The number of inputs the domain describes, or null when both sides are scalars.</summary>
    public int? Length => Lower.Length ?? Upper.Length;
}
