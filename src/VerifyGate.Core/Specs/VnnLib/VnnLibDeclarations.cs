namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>The <c>declare-const</c>s of a file: only Real variables named <c>X_i</c> (inputs) and <c>Y_j</c>
/// (outputs), each declared once and before its use; <see cref="Complete"/> then requires the indices to run
/// from 0 without gaps, as the network's input and output vectors do.</summary>
internal sealed class VnnLibDeclarations(string file)
{
    private readonly Dictionary<VnnLibVariable, SourcePosition> _declared = [];
    private readonly SourcePosition?[] _first = new SourcePosition?[2];

    public int InputCount { get; private set; }

    public int OutputCount { get; private set; }

    public void Declare(SExpr statement)
    {
        var items = statement.Items;
        if (items.Count != 3)
            throw Error(statement.At, "declare-const takes a name and a type, e.g. (declare-const X_0 Real)");
        var name = items[1];
        if (name.IsList || name.Kind == SExprKind.String || !VnnLibVariable.TryParse(name.Text, out var variable))
            throw Error(name.At, $"unsupported variable name '{name.Describe()}': VerifyGate reads inputs X_0, X_1, ... and outputs Y_0, Y_1, ...");
        var type = items[2];
        if (type.Kind != SExprKind.Symbol || !string.Equals(type.Text, "Real", StringComparison.Ordinal))
            throw Error(type.At, $"unsupported type '{type.Describe()}' of {variable}: VerifyGate reads Real variables only");
        if (_declared.TryGetValue(variable, out var earlier))
            throw Error(name.At, $"{variable} is declared twice (first at line {earlier.Line})");
        _declared.Add(variable, name.At);
        _first[variable.IsOutput ? 1 : 0] ??= statement.At;
    }

    /// <summary>The variable a symbol names, or null when the symbol is no variable name; an undeclared variable
    /// is an error.</summary>
    public VnnLibVariable? Resolve(SExpr symbol)
    {
        if (!VnnLibVariable.TryParse(symbol.Text, out var variable)) return null;
        if (!_declared.ContainsKey(variable))
            throw Error(symbol.At, $"undeclared variable '{variable}': declare it with (declare-const {variable} Real) before its use");
        return variable;
    }

    /// <summary>Checks that X_0.. and Y_0.. are declared without gaps and, when given, in the model's numbers.</summary>
    public void Complete(int? expectedInputs, int? expectedOutputs)
    {
        InputCount = Count(isOutput: false, "input", expectedInputs);
        OutputCount = Count(isOutput: true, "output", expectedOutputs);
    }

    private int Count(bool isOutput, string what, int? expected)
    {
        string prefix = isOutput ? "Y" : "X";
        var declared = _declared.Keys.Where(v => v.IsOutput == isOutput).Select(v => v.Index).ToHashSet();
        if (declared.Count == 0)
            throw Error(SourcePosition.FileStart, $"the file declares no {what}s ({prefix}_0, {prefix}_1, ...)");
        int highest = declared.Max();
        if (highest + 1 != declared.Count)
        {
            int missing = Enumerable.Range(0, highest).First(i => !declared.Contains(i));
            var highestAt = _declared[new VnnLibVariable(isOutput, highest)];
            throw Error(highestAt, $"{prefix}_{missing} is not declared but {prefix}_{highest} is: the {what}s must be {prefix}_0..{prefix}_{highest} without gaps");
        }
        if (expected is int model && model != declared.Count)
            throw Error(_first[isOutput ? 1 : 0]!.Value,
                $"{what} count differs: the model has {model}, the file declares {declared.Count} ({prefix}_0..{prefix}_{highest})");
        return declared.Count;
    }

    private VnnLibException Error(SourcePosition at, string reason) => new(file, at.Line, at.Column, reason);
}
