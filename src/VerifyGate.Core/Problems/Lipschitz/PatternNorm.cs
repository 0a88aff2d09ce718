using VerifyGate.Core.Networks;
using VerifyGate.Core.Norms;

namespace VerifyGate.Core.Problems.Lipschitz;

/// <summary>‖J‖_{p→q} of one activation pattern, restricted to the selected outputs and the free
/// inputs, with its maximising direction (a full-length input vector, zero on fixed inputs).</summary>
public static class PatternNorm
{
    public static OperatorNormResult? Compute(double[,] jacobian, int[] outputs, bool[] fixedInputs, NormKind p, NormKind q)
    {
        var free = FreeInputs(fixedInputs);
        if (free.Length == 0) return null;
        var restricted = Restrict(jacobian, outputs, free);
        OperatorNormResult result;
        try
        {
            result = OperatorNorm.Compute(restricted, p, q);
        }
        catch (ArgumentException)
        {
            return null;  // too large to enumerate exactly; callers fall back to the solver's direction
        }
        var direction = new double[fixedInputs.Length];
        for (int c = 0; c < free.Length; c++) direction[free[c]] = result.Direction[c];
        return result with { Direction = direction };
    }

    public static int[] FreeInputs(bool[] fixedInputs) => Enumerable.Range(0, fixedInputs.Length).Where(i => !fixedInputs[i]).ToArray();

    /// <summary>The selected outputs' rows and the free inputs' columns of a Jacobian.</summary>
    public static double[,] Restrict(double[,] jacobian, int[] outputs, int[] free)
    {
        var restricted = new double[outputs.Length, free.Length];
        for (int r = 0; r < outputs.Length; r++)
            for (int c = 0; c < free.Length; c++)
                restricted[r, c] = jacobian[outputs[r], free[c]];
        return restricted;
    }
}
