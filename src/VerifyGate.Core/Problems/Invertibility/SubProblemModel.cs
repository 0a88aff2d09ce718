using VerifyGate.Core.Solving;

namespace VerifyGate.Core.Problems.Invertibility;

/// <summary>A built sub-problem: its model and how to read the pair (x, y) out of a solution.</summary>
public sealed record SubProblemModel(MipModel Model, Func<double[], (double[] X, double[] Y)> PairAt);
