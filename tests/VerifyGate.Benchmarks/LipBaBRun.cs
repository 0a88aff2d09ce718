using System.Globalization;
using System.Text.Json;
using VerifyGate.Core.Norms;

namespace VerifyGate.Benchmarks;

/// <summary>What one LipBaB run reported (lipbab/run_lipbab.py's LIPBAB_RESULT line). Seconds is LipBaB's own
/// clock (its main algorithm, after imports and loading); WallSeconds the whole process.</summary>
public sealed record LipBaBResult(double Value, double Lower, double Upper, bool Finished, double Seconds, double WallSeconds, int SubProblems);

/// <summary>Runs LipBaB through lipbab/run_lipbab.py on one network file, box, norm (p = q) and time limit.</summary>
public sealed class LipBaBRun(LipBaBCheckout checkout)
{
    /// <summary>LipBaB looks at its clock only between sub-problems; past the limit by this much it is killed.</summary>
    private static readonly TimeSpan KillGrace = TimeSpan.FromSeconds(120);

    public static string Driver => Path.Combine(Paths.RepositoryRoot, "tests", "VerifyGate.Benchmarks", "lipbab", "run_lipbab.py");

    /// <summary>The command line, run from the repository root.</summary>
    public IReadOnlyList<string> Command(string networkFile, NormKind norm, double lower, double upper, double timeLimit) =>
    [
        checkout.Python, Path.GetRelativePath(Paths.RepositoryRoot, Driver), "--lipbab", checkout.Directory, "--network", networkFile,
        "--norm", NormArgument(norm), "--lower", Invariant(lower), "--upper", Invariant(upper), "--time-limit", Invariant(timeLimit),
    ];

    /// <summary>The result, or an exception (InvalidOperationException, TimeoutException) with LipBaB's output.</summary>
    public LipBaBResult Solve(string networkFile, NormKind norm, double lower, double upper, double timeLimit)
    {
        var command = Command(networkFile, norm, lower, upper, timeLimit);
        var (wall, output) = ProcessRunner.Time(command[0], command.Skip(1), Paths.RepositoryRoot,
            timeout: TimeSpan.FromSeconds(timeLimit) + KillGrace);
        const string marker = "LIPBAB_RESULT ";
        string line = output.Split('\n').LastOrDefault(l => l.StartsWith(marker, StringComparison.Ordinal))
                      ?? throw new InvalidOperationException($"no {marker.Trim()} line in LipBaB's output:\n{output[Math.Max(0, output.Length - 2000)..]}");
        var json = JsonDocument.Parse(line[marker.Length..]).RootElement;
        return new LipBaBResult(
            json.GetProperty("value").GetDouble(), json.GetProperty("lower").GetDouble(), json.GetProperty("upper").GetDouble(),
            json.GetProperty("finished").GetBoolean(), json.GetProperty("seconds").GetDouble(), wall, json.GetProperty("subproblems").GetInt32());
    }

    /// <summary>The largest |difference| between LipBaB's own .npy parameters of a network and the network file.</summary>
    public string CompareWithSaved(string savedName, string networkFile)
    {
        string saved = Path.Combine(checkout.Directory, "saved_networks", savedName);
        var (_, output) = ProcessRunner.Time(checkout.Python, [Driver, "--compare", $"{saved}_weights.npy", $"{saved}_biases.npy", networkFile],
            Paths.RepositoryRoot, timeout: TimeSpan.FromMinutes(1));
        const string marker = "LIPBAB_COMPARE ";
        string line = output.Split('\n').First(l => l.StartsWith(marker, StringComparison.Ordinal));
        var json = JsonDocument.Parse(line[marker.Length..]).RootElement;
        return json.GetProperty("same_shapes").GetBoolean()
            ? json.GetProperty("max_abs_difference").GetDouble().ToString("0.0e0", CultureInfo.InvariantCulture)
            : "different layer shapes";
    }

    /// <summary>"Python 3.11.2, NumPy 1.24.2, CVXOPT 1.3.0" for the record.</summary>
    public string Versions() =>
        ProcessRunner.Time(checkout.Python, ["-c", "import sys, numpy, cvxopt; print(f'Python {sys.version.split()[0]}, NumPy {numpy.__version__}, CVXOPT {cvxopt.__version__}')"],
            Paths.RepositoryRoot, timeout: TimeSpan.FromMinutes(1)).Output.Trim();

    private static string NormArgument(NormKind norm) => norm switch
    {
        NormKind.One => "1",
        NormKind.Two => "2",
        NormKind.Inf => "inf",
        _ => throw new ArgumentOutOfRangeException(nameof(norm), norm, "LipBaB takes p = 1, 2 or inf"),
    };

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
