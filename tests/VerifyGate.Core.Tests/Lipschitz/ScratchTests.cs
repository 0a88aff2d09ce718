using VerifyGate.Core.Norms;
using VerifyGate.Core.Problems.Lipschitz;
using VerifyGate.Core.Solving;
using VerifyGate.Core.Tests.Oracles;
using Xunit.Abstractions;
namespace VerifyGate.Core.Tests.Lipschitz;
public class ScratchTests
{
    [Theory]
    [InlineData(9)]
    [InlineData(26)]
    public void Scratch(int seed)
    {
      var log = new System.Text.StringBuilder();
      foreach (var p in NormKindExtensions.All) foreach (var q in NormKindExtensions.All) {
        int inputs = 2 + seed % 3;
        int[] hidden = (seed % 4) switch { 0 => [8], 1 => [6, 6], 2 => [10, 10], _ => [5, 5, 5] };
        int outputs = 1 + seed % 3;
        var network = RandomNetworks.Create(seed, inputs, hidden, outputs);
        var (lo, hi) = RandomNetworks.CreateBox(seed, inputs, fixedInputs: seed % 5 == 4 ? 1 : 0);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        LipschitzResult result; try { result = new LipschitzEngine(ScipSolver.Instance).Solve(new LipschitzQuery { Network = network, Lower = lo, Upper = hi, InputNorm = p, OutputNorm = q, Exact = true }, new NetworkOracle(network)); } catch (Exception e) { log.AppendLine($"p={p} q={q} {e.Message}"); continue; }
        log.AppendLine($"p={p} q={q} [{result.Lower}, {result.Upper}] {sw.Elapsed.TotalSeconds:0.00}s subproblems {result.SubProblems}");
      }
        File.WriteAllText($"/tmp/scratch/out-{seed}.txt", log.ToString());
    }
}
