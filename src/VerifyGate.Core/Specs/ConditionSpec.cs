namespace VerifyGate.Core.Specs;

/// <summary>The output condition of a <c>robustness</c> property as written, before the model's output count is
/// known: exactly one of <see cref="Label"/>, <see cref="OutputLower"/>/<see cref="OutputUpper"/> or
/// <see cref="Clauses"/> is set (a <c>vnnlib</c> property has none: its file holds the condition).</summary>
public sealed record ConditionSpec
{
    /// <summary><c>label</c>: this output must be the strict maximum.</summary>
    public int? Label { get; init; }
    /// <summary><c>outputs.lower</c> / <c>outputs.upper</c>: a number for every output, or one per output (null: no bound).</summary>
    public IReadOnlyList<double?>? OutputLower { get; init; }
    public IReadOnlyList<double?>? OutputUpper { get; init; }
    /// <summary><c>constraints</c> in conjunctive normal form: every clause must hold, a clause when one of its constraints does.</summary>
    public IReadOnlyList<IReadOnlyList<ConstraintSpec>>? Clauses { get; init; }
}

/// <summary>One linear constraint Σ coefficients[j] · y_j ≤ atMost; <see cref="Path"/> locates it for messages
/// ("constraints[1]", "constraints.any[0]").</summary>
public sealed record ConstraintSpec(IReadOnlyList<double> Coefficients, double AtMost, string Path);
