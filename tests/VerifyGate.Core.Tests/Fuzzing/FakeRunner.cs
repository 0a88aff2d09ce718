using VerifyGate.Core.Checking;
using VerifyGate.Core.Checking.Runners;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Tests.Fuzzing;

/// <summary>Stands in for a kind's engine so that the checker runs everything up to the solve (loading,
/// import, validation, the reference model, judging) in microseconds.</summary>
public sealed class FakeRunner(PropertyKind kind) : IPropertyRunner
{
    public static IReadOnlyList<IPropertyRunner> All { get; } = Enum.GetValues<PropertyKind>().Select(k => (IPropertyRunner)new FakeRunner(k)).ToArray();

    public PropertyKind Kind => kind;

    public string QuantityName(ResolvedProperty property) => "quantity";

    public BoundsRun Run(PropertyRunContext context)
    {
        if (context.Property.Spec.ReferencePath is { } reference) context.Models.Get(reference);
        return new BoundsRun { Lower = 0.5, Upper = 1.5, Solver = "fake" };
    }
}
