using System.Globalization;

namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>Turns the disjuncts of the normal form into <see cref="VnnLibCase"/>s: each disjunct's input bounds are
/// intersected into a box (every input needs a finite lower and upper bound), its output constraints form one
/// unsafe conjunction, and disjuncts with equal boxes share a case. A disjunct whose box is empty, or that holds a
/// constant atom that is false, describes no point and is dropped.</summary>
internal sealed class VnnLibCases(string file, int inputs, int outputs)
{
    public List<VnnLibCase> Build(List<Conjunction> disjuncts)
    {
        var cases = new List<(double[] Lower, double[] Upper, List<IReadOnlyList<VnnLibAtom>> Unsafe, int Line)>();
        var byBox = new Dictionary<Box, int>(new BoxComparer());
        (string Reason, SourcePosition At)? firstDrop = null;
        foreach (var disjunct in disjuncts)
        {
            var lower = new double[inputs];
            var upper = new double[inputs];
            Array.Fill(lower, double.NegativeInfinity);
            Array.Fill(upper, double.PositiveInfinity);
            var atoms = new List<VnnLibAtom>();
            SourcePosition? firstBound = null;
            (string, SourcePosition)? drop = null;
            foreach (var constraint in disjunct.InOrder())
            {
                switch (constraint)
                {
                    case InputBound b:
                        firstBound ??= b.At;
                        if (b.IsUpper) upper[b.Input] = Math.Min(upper[b.Input], b.Value);
                        else lower[b.Input] = Math.Max(lower[b.Input], b.Value);
                        break;
                    case OutputConstraint o:
                        atoms.Add(Dense(o));
                        break;
                    case ConstantConstraint { Holds: false } c:
                        drop ??= ("an atom without variables is false", c.At);
                        break;
                }
            }
            drop ??= EmptyBox(disjunct, lower, upper);
            if (drop is not null)
            {
                firstDrop ??= drop;
                continue;
            }
            CheckBounded(disjunct, lower, upper, firstBound);

            var box = new Box(lower, upper);
            if (byBox.TryGetValue(box, out int index))
            {
                cases[index].Unsafe.Add(atoms);
                continue;
            }
            byBox.Add(box, cases.Count);
            cases.Add((lower, upper, [atoms], firstBound!.Value.Line));
        }
        if (cases.Count == 0)
            throw Error(firstDrop!.Value.At, $"the input set is empty: no disjunct describes a point (the first: {firstDrop.Value.Reason})");
        return cases.Select(c => new VnnLibCase(c.Lower, c.Upper, c.Unsafe, c.Line)).ToList();
    }

    /// <summary>Why the box is empty, at the first bound of the first input whose bounds cross; null when it is not.</summary>
    private (string, SourcePosition)? EmptyBox(Conjunction disjunct, double[] lower, double[] upper)
    {
        for (int i = 0; i < inputs; i++)
        {
            if (lower[i] <= upper[i]) continue;
            int input = i;
            var at = disjunct.InOrder().OfType<InputBound>().First(b => b.Input == input).At;
            return (string.Create(CultureInfo.InvariantCulture, $"X_{i} >= {lower[i]:R} and X_{i} <= {upper[i]:R}"), at);
        }
        return null;
    }

    private VnnLibAtom Dense(OutputConstraint constraint)
    {
        var coefficients = new double[outputs];
        foreach (var (output, coefficient) in constraint.Terms) coefficients[output] = coefficient;
        return new VnnLibAtom(coefficients, constraint.Bound);
    }

    /// <summary>Every input needs both bounds; the error points at the input's one bound when it has one, else at
    /// the disjunct's first input bound (or first atom).</summary>
    private void CheckBounded(Conjunction disjunct, double[] lower, double[] upper, SourcePosition? firstBound)
    {
        for (int i = 0; i < inputs; i++)
        {
            bool hasLower = lower[i] > double.NegativeInfinity, hasUpper = upper[i] < double.PositiveInfinity;
            if (hasLower && hasUpper) continue;
            int input = i;
            var own = disjunct.InOrder().OfType<InputBound>().FirstOrDefault(b => b.Input == input);
            var at = own?.At ?? firstBound ?? disjunct.InOrder().First().At;
            string missing = hasLower ? "upper bound" : hasUpper ? "lower bound" : "lower and upper bound";
            throw Error(at, $"X_{i} has no {missing}: every input needs a finite lower and upper bound in each disjunct");
        }
    }

    private VnnLibException Error(SourcePosition at, string reason) => new(file, at.Line, at.Column, reason);

    private sealed record Box(double[] Lower, double[] Upper);

    /// <summary>Exact equality of all bounds (0 and -0 are the same bound).</summary>
    private sealed class BoxComparer : IEqualityComparer<Box>
    {
        public bool Equals(Box? a, Box? b) =>
            a is not null && b is not null && Same(a.Lower, b.Lower) && Same(a.Upper, b.Upper);

        private static bool Same(double[] a, double[] b)
        {
            for (int i = 0; i < a.Length; i++)
                if (a[i] != b[i]) return false;
            return true;
        }

        public int GetHashCode(Box box)
        {
            var hash = new HashCode();
            foreach (double v in box.Lower) hash.Add(v + 0.0);
            foreach (double v in box.Upper) hash.Add(v + 0.0);
            return hash.ToHashCode();
        }
    }
}
