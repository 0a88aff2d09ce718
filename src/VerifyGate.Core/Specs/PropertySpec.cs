using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Specs;

/// <summary>One property of a property file, with <c>defaults</c> applied and defaults of the
/// format filled in. Fields that do not apply to <see cref="Kind"/> keep their neutral values.</summary>
public sealed record PropertySpec
{
    /// <summary>The property file, as given to the loader (diagnostics use it).</summary>
    public required string File { get; init; }
    public required string Name { get; init; }
    public required PropertyKind Kind { get; init; }

    /// <summary>The opening brace of the property object.</summary>
    public SourcePosition Position => Positions.Property;
    public required FieldPositions Positions { get; init; }

    /// <summary>The input box; null for the radius kinds, whose ball comes from <see cref="Center"/> and <see cref="MaxRadius"/>.</summary>
    public DomainSpec? Domain { get; init; }

    /// <summary>The p of ‖x−y‖_p (default inf; always inf for the radius kinds).</summary>
    public NormKind InputNorm { get; init; } = NormKind.Inf;
    /// <summary>The q of ‖f(x)−f(y)‖_q (default inf).</summary>
    public NormKind OutputNorm { get; init; } = NormKind.Inf;

    /// <summary>Output indices the property looks at; null means all.</summary>
    public IReadOnlyList<int>? Outputs { get; init; }

    public required Threshold Threshold { get; init; }
    /// <summary>Null: no per-property limit (the CLI's --time-limit or the engine's default applies).</summary>
    public double? TimeLimitSeconds { get; init; }
    public InconclusivePolicy OnInconclusive { get; init; } = InconclusivePolicy.Fail;
    public SolverChoice Solver { get; init; } = SolverChoice.Scip;

    /// <summary>η for invertibility and matching (default 0).</summary>
    public double OutputTolerance { get; init; }

    /// <summary>The ball's centre, radius kinds only.</summary>
    public IReadOnlyList<double>? Center { get; init; }
    /// <summary>Input indices held at their centre value, radius kinds only.</summary>
    public IReadOnlyList<int> Fixed { get; init; } = [];
    /// <summary>The largest radius searched, radius kinds only.</summary>
    public double? MaxRadius { get; init; }
    /// <summary>δ: inputs closer than this count as one (default 1e-4 × maxRadius), radius kinds only.</summary>
    public double? Separation { get; init; }

    /// <summary>Full path of the reference model f, matching only.</summary>
    public string? ReferencePath { get; init; }

    /// <summary>The output condition, kind robustness only (null with <see cref="VnnLibPath"/>).</summary>
    public ConditionSpec? Condition { get; init; }
    /// <summary>Full path of the VNN-LIB file holding the domain and condition, kind robustness only.</summary>
    public string? VnnLibPath { get; init; }

    public string KindName => Kind.ToFileName();
}
