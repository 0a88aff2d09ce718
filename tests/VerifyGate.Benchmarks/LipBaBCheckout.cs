namespace VerifyGate.Benchmarks;

/// <summary>LipBaB's script (github.com/pyrobits/LipBaB) as <see cref="Variable"/> names it: a checkout
/// (lipbab/setup.sh makes one) or a git directory, which is extracted into a temporary directory with
/// git archive. The Python interpreter is Debian's (<see cref="PythonVariable"/> overrides it).</summary>
public sealed record LipBaBCheckout(string Directory, string Commit, string Python)
{
    public const string Variable = "VERIFYGATE_LIPBAB";
    public const string PythonVariable = "VERIFYGATE_LIPBAB_PYTHON";

    /// <summary>The checkout, or null and why it cannot be used.</summary>
    public static LipBaBCheckout? Find(string scratch, out string reason)
    {
        string? named = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(named) || !System.IO.Directory.Exists(named))
        {
            reason = $"{Variable} is {(string.IsNullOrWhiteSpace(named) ? "not set" : $"'{named}', not a directory")}; " +
                     "tests/VerifyGate.Benchmarks/lipbab/setup.sh prepares LipBaB and prints the value";
            return null;
        }
        string directory, commit;
        try
        {
            (directory, commit) = File.Exists(Path.Combine(named, "LipBaB.py")) ? (named, CheckoutCommit(named)) : Extract(named, scratch);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            reason = $"{Variable}='{named}' holds no LipBaB.py and is not a git directory git can archive: {FirstLine(e.Message)}";
            return null;
        }
        // Debian's python3-numpy and python3-cvxopt install for /usr/bin/python3, which need not be first on PATH.
        string python = Environment.GetEnvironmentVariable(PythonVariable) ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        try
        {
            ProcessRunner.Time(python, ["-c", "import numpy; from cvxopt import glpk"], directory, timeout: TimeSpan.FromMinutes(1));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            reason = $"{python} cannot import numpy and cvxopt's GLPK (Debian: python3-numpy python3-cvxopt; lipbab/setup.sh installs them): {LastLine(e.Message)}";
            return null;
        }
        reason = "";
        return new LipBaBCheckout(directory, commit, python);
    }

    private static (string Directory, string Commit) Extract(string gitDirectory, string scratch)
    {
        string target = Path.Combine(scratch, "LipBaB");
        System.IO.Directory.CreateDirectory(target);
        string archive = Path.Combine(scratch, "LipBaB.tar");
        ProcessRunner.Time("git", [$"--git-dir={gitDirectory}", "archive", "-o", archive, "HEAD"], scratch);
        ProcessRunner.Time("tar", ["-xf", archive, "-C", target], scratch);
        if (!File.Exists(Path.Combine(target, "LipBaB.py"))) throw new InvalidOperationException("its HEAD has no LipBaB.py");
        string commit = ProcessRunner.Time("git", [$"--git-dir={gitDirectory}", "rev-parse", "HEAD"], scratch).Output.Trim();
        return (target, commit);
    }

    /// <summary>The commit setup.sh recorded, else the checkout's own HEAD, else "unknown".</summary>
    private static string CheckoutCommit(string directory)
    {
        string recorded = Path.Combine(directory, "LIPBAB_COMMIT");
        if (File.Exists(recorded)) return File.ReadAllText(recorded).Trim();
        try
        {
            return ProcessRunner.Time("git", ["-C", directory, "rev-parse", "HEAD"], directory).Output.Trim();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1];
}
