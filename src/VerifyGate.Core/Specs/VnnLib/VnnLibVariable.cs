using System.Globalization;

namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>A VNN-LIB variable: the input <c>X_Index</c> or the output <c>Y_Index</c> (the VNN-COMP naming;
/// other names are refused).</summary>
internal readonly record struct VnnLibVariable(bool IsOutput, int Index) : IComparable<VnnLibVariable>
{
    /// <summary>Accepts <c>X_i</c> and <c>Y_i</c> with i written in plain decimal (no sign, no leading zero), so
    /// that every variable has exactly one name.</summary>
    public static bool TryParse(string name, out VnnLibVariable variable)
    {
        variable = default;
        if (name.Length < 3 || name[1] != '_' || (name[0] != 'X' && name[0] != 'Y')) return false;
        var digits = name.AsSpan(2);
        foreach (char c in digits)
            if (!char.IsAsciiDigit(c)) return false;
        if (digits.Length > 1 && digits[0] == '0') return false;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int index)) return false;
        variable = new VnnLibVariable(name[0] == 'Y', index);
        return true;
    }

    /// <summary>Inputs before outputs, each by index.</summary>
    public int CompareTo(VnnLibVariable other) =>
        IsOutput != other.IsOutput ? (IsOutput ? 1 : -1) : Index.CompareTo(other.Index);

    public override string ToString() => (IsOutput ? "Y_" : "X_") + Index.ToString(CultureInfo.InvariantCulture);
}
