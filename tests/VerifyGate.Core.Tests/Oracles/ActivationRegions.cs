using VerifyGate.Core.Networks;

namespace VerifyGate.Core.Tests.Oracles;

/// <summary>Enumerates every activation pattern whose region has interior inside a box, depth-first
/// over the neurons in topological order. Each node's value is kept as an affine function of the
/// free inputs under the current partial pattern; fixing one more neuron adds a half-space, and a
/// prefix whose region has no interior (Chebyshev radius &lt;= threshold) is cut with its whole subtree.</summary>
public sealed class ActivationRegions
{
    private readonly Network _net;
    private readonly double[] _lo, _hi;
    private readonly int[] _free;
    private readonly double _threshold;
    private readonly InteriorLp _lp;
    private readonly double[][,] _coeffs;   // per node: [size, free inputs]
    private readonly double[][] _consts;    // per node: [size]
    private readonly Dictionary<int, bool[]> _active = new();
    private readonly List<HalfSpace> _path = new();
    private readonly List<LinearRegion> _regions = new();

    private ActivationRegions(Network net, double[] lo, double[] hi, double threshold)
    {
        if (lo.Length != net.InputSize || hi.Length != net.InputSize)
            throw new ArgumentException($"the box must have {net.InputSize} entries");
        _net = net;
        _lo = lo;
        _hi = hi;
        _threshold = threshold;
        var free = new List<int>();
        for (int i = 0; i < lo.Length; i++)
        {
            if (!(lo[i] <= hi[i])) throw new ArgumentException($"input {i}: lo {lo[i]} > hi {hi[i]}");
            if (lo[i] == hi[i]) continue;
            if (hi[i] - lo[i] <= 2 * threshold) throw new ArgumentException($"input {i}: the box is too thin to have interior");
            free.Add(i);
        }
        _free = free.ToArray();
        _lp = new InteriorLp(_free.Select(i => lo[i]).ToArray(), _free.Select(i => hi[i]).ToArray());
        _coeffs = new double[net.Nodes.Count][,];
        _consts = new double[net.Nodes.Count][];
        foreach (var relu in net.Activations) _active[relu.Index] = new bool[relu.Size];
    }

    /// <param name="threshold">Regions whose largest inscribed Euclidean ball (over the free inputs,
    /// measured in float64 at the LP's centre) has radius at most this are treated as having no interior.</param>
    public static RegionEnumeration Enumerate(Network net, double[] lo, double[] hi, double threshold = 1e-9)
    {
        var search = new ActivationRegions(net, lo, hi, threshold);
        try
        {
            search.SetInputForms();
            var centre = search._free.Select(i => 0.5 * (lo[i] + hi[i])).ToArray();
            search.Visit(1, 0, 0, centre, search._lp.Radius(centre));
            return new RegionEnumeration(net, lo, hi, search._free, search._regions, search._lp.Solves);
        }
        finally
        {
            search._lp.Dispose();
        }
    }

    private int FreeCount => _free.Length;

    private void SetInputForms()
    {
        int n = _net.InputSize;
        _coeffs[0] = new double[n, FreeCount];
        _consts[0] = new double[n];
        for (int i = 0; i < n; i++) _consts[0][i] = _lo[i];
        for (int k = 0; k < FreeCount; k++)
        {
            _coeffs[0][_free[k], k] = 1.0;
            _consts[0][_free[k]] = 0.0;
        }
    }

    /// <summary>Continues the search at neuron <paramref name="neuron"/> of node <paramref name="node"/>;
    /// <paramref name="point"/> lies inside the current prefix's region with a ball of radius
    /// <paramref name="radius"/> (> threshold) around it.</summary>
    private void Visit(int node, int neuron, int depth, double[] point, double radius)
    {
        if (node == _net.Nodes.Count)
        {
            RecordLeaf(point, radius);
            return;
        }
        switch (_net.Nodes[node])
        {
            case AffineNode affine:
                ComputeAffineForms(affine);
                Visit(node + 1, 0, depth, point, radius);
                return;
            case ReluNode relu when neuron == relu.Size:
                Visit(node + 1, 0, depth, point, radius);
                return;
            case ReluNode relu:
                Branch(relu, neuron, depth, point, radius);
                return;
            default:
                throw new NotSupportedException($"node type {_net.Nodes[node].GetType().Name}");
        }
    }

    private void Branch(ReluNode relu, int neuron, int depth, double[] point, double radius)
    {
        if (neuron == 0)
        {
            _coeffs[relu.Index] = new double[relu.Size, FreeCount];
            _consts[relu.Index] = new double[relu.Size];
        }
        var a = new double[FreeCount];
        for (int k = 0; k < FreeCount; k++) a[k] = _coeffs[relu.Source][neuron, k];
        double c = _consts[relu.Source][neuron];
        double length = Math.Sqrt(a.Sum(v => v * v));

        if (length == 0.0)
        {
            // Constant pre-activation: the pattern is forced and adds no constraint (at c = 0 both
            // choices give the same value and a zero tangent).
            SetNeuron(relu, neuron, a, c, c > 0);
            Visit(relu.Index, neuron + 1, depth, point, radius);
            return;
        }

        double valueAtPoint = c + Dot(a, point);
        bool preferred = valueAtPoint > 0;  // the side that already contains the point goes first
        foreach (bool on in new[] { preferred, !preferred })
        {
            double sign = on ? 1.0 : -1.0;
            var h = new HalfSpace(a.Select(v => sign * v / length).ToArray(), sign * c / length);
            _lp.Set(depth, h);
            _lp.ClearFrom(depth + 1);
            double margin = h.Margin(point);
            double[] childPoint = point;
            double childRadius = Math.Min(radius, margin);
            if (childRadius <= _threshold)
            {
                var solved = _lp.Solve();
                if (solved is null || solved.Value.Radius <= _threshold) continue;
                (childPoint, childRadius) = solved.Value;
            }
            _path.Add(h);
            SetNeuron(relu, neuron, a, c, on);
            Visit(relu.Index, neuron + 1, depth + 1, childPoint, childRadius);
            _path.RemoveAt(_path.Count - 1);
        }
    }

    private void SetNeuron(ReluNode relu, int neuron, double[] a, double c, bool on)
    {
        _active[relu.Index][neuron] = on;
        double slope = on ? 1.0 : relu.NegativeSlope;
        for (int k = 0; k < FreeCount; k++) _coeffs[relu.Index][neuron, k] = slope * a[k];
        _consts[relu.Index][neuron] = slope * c;
    }

    private void ComputeAffineForms(AffineNode affine)
    {
        var coeffs = new double[affine.Size, FreeCount];
        var consts = (double[])affine.Bias.Clone();
        foreach (var term in affine.Terms)
        {
            var srcCoeffs = _coeffs[term.Source];
            var srcConsts = _consts[term.Source];
            for (int r = 0; r < affine.Size; r++)
            {
                var cols = term.Weight.RowColumns(r);
                var vals = term.Weight.RowValues(r);
                for (int t = 0; t < cols.Length; t++)
                {
                    consts[r] += vals[t] * srcConsts[cols[t]];
                    for (int k = 0; k < FreeCount; k++) coeffs[r, k] += vals[t] * srcCoeffs[cols[t], k];
                }
            }
        }
        _coeffs[affine.Index] = coeffs;
        _consts[affine.Index] = consts;
    }

    private void RecordLeaf(double[] point, double radius)
    {
        var pattern = new ActivationPattern(_active.ToDictionary(kv => kv.Key, kv => (bool[])kv.Value.Clone()));
        var jacobian = (double[,])_coeffs[_net.OutputIndex].Clone();
        _regions.Add(new LinearRegion(pattern, (double[])point.Clone(), radius, jacobian, _path.ToArray()));
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0.0;
        for (int k = 0; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }
}
