using VerifyGate.Cli;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Tests.Checking;

namespace VerifyGate.Core.Tests.Cli;

/// <summary>Tests that set process environment variables: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}

/// <summary><c>check</c> finds the job summary through $GITHUB_STEP_SUMMARY as it does under GitHub Actions.</summary>
[Collection(EnvironmentCollection.Name)]
public class StepSummaryEnvironmentTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();
    private readonly string? _saved = Environment.GetEnvironmentVariable(StepSummary.Variable);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(StepSummary.Variable, _saved);
        _ws.Dispose();
    }

    [Fact]
    public void Check_appends_to_the_file_the_variable_names_unless_told_not_to()
    {
        string spec = _ws.Spec("ok.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("loose", 100));
        string summary = Path.Combine(_ws.Root, "summary.md");
        File.WriteAllText(summary, "");
        Environment.SetEnvironmentVariable(StepSummary.Variable, summary);

        Assert.Equal(ExitCodes.AllPassed, CliRunner.RunWithEnvironment("check", spec, "--cache-dir", _ws.CacheDirectory).Exit);
        string once = File.ReadAllText(summary);
        Assert.StartsWith("### VerifyGate: 1 property: 1 passed, 0 failed, 0 inconclusive, 0 errors\n", once);
        Assert.Contains("ok.verify.json: loose | passed | ", once);

        Assert.Equal(ExitCodes.AllPassed, CliRunner.RunWithEnvironment("check", spec, "--cache-dir", _ws.CacheDirectory, "--no-step-summary").Exit);
        Assert.Equal(once, File.ReadAllText(summary));

        Environment.SetEnvironmentVariable(StepSummary.Variable, "");
        Assert.Equal(ExitCodes.AllPassed, CliRunner.RunWithEnvironment("check", spec, "--cache-dir", _ws.CacheDirectory).Exit);
        Assert.Equal(once, File.ReadAllText(summary));
    }
}
