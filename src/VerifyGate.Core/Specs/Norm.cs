namespace VerifyGate.Core.Specs;

/// <summary>A vector norm: l1, l2 or l_inf. Written "1", "2", "inf" (or the numbers 1, 2) in property files.</summary>
public enum Norm
{
    One,
    Two,
    Inf,
}

public static class Norms
{
    public static string ToFileName(this Norm norm) => norm switch
    {
        Norm.One => "1",
        Norm.Two => "2",
        _ => "inf",
    };
}
