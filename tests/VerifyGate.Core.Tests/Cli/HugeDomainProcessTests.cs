using System.Diagnostics;
using VerifyGate.Core.Tests.Checking;

namespace VerifyGate.Core.Tests.Cli;

/// <summary>Issue 11's acceptance, on the real CLI process (SCIP writes to the process's own stderr, which an
/// in-process run cannot see): a domain of ±1e300 on cartpole is a VG1030 diagnostic at its token, SCIP
/// prints no "ERROR:" line on stderr, the exit code is 2, and the file's other property still passes.</summary>
public class HugeDomainProcessTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void A_1e300_domain_is_a_diagnostic_at_its_token_with_nothing_from_scip_on_stderr()
    {
        string spec = _ws.Spec("cartpole.verify.json", TestPaths.Model("control/cartpole.onnx"),
            "{ \"name\": \"huge\", \"kind\": \"lipschitz\", \"domain\": { \"lower\": -1e300, \"upper\": 1e300 }, \"atMost\": 30 }",
            "{ \"name\": \"small\", \"kind\": \"lipschitz\", \"domain\": { \"lower\": -0.1, \"upper\": 0.1 }, \"atMost\": 1000 }");

        var (exit, stdout, stderr) = RunCli("check", spec, "--no-cache");

        Assert.Equal(2, exit);
        int column = CheckerOutcomeTests.ColumnAfter(spec, 4, "\"lower\": ");
        Assert.Contains($"cartpole.verify.json(4,{column}): error VG1030: 'domain.lower' is -1E+300", stdout);
        Assert.DoesNotContain("ERROR:", stderr);
        Assert.Matches(@"passed\s+\S*cartpole\.verify\.json: small", stdout);
        Assert.DoesNotMatch(@"passed\s+\S*cartpole\.verify\.json: huge", stdout);
    }

    private static (int Exit, string Out, string Err) RunCli(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "verifygate.dll"));
        foreach (string a in arguments) start.ArgumentList.Add(a);
        start.Environment.Remove("VERIFYGATE_SOLVER_LOG");
        start.Environment.Remove("GITHUB_STEP_SUMMARY");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"verifygate {string.Join(' ', arguments)} did not finish in 2 minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
