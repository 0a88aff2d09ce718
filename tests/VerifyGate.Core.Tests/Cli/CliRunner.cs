using System.CommandLine;
using VerifyGate.Cli;

namespace VerifyGate.Core.Tests.Cli;

/// <summary>Runs the CLI in-process as Program.cs does, capturing stdout and stderr. No job summary is
/// written unless a test asks for one (tests may themselves run under GitHub Actions).</summary>
public static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args) => RunWithSummary(null, args);

    /// <param name="stepSummaryFile">What the CLI takes for $GITHUB_STEP_SUMMARY.</param>
    public static (int Exit, string Out, string Err) RunWithSummary(string? stepSummaryFile, params string[] args) =>
        RunWith(CheckCommand.Create(() => stepSummaryFile), args);

    /// <summary>With the real environment variable (only for tests that do not run in parallel).</summary>
    public static (int Exit, string Out, string Err) RunWithEnvironment(params string[] args) => RunWith(CheckCommand.Create(), args);

    private static (int Exit, string Out, string Err) RunWith(Command check, string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(check);
        var output = new StringWriter();
        var error = new StringWriter();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"verifygate: {e.Message}");
            return (ExitCodes.UsageOrError, output.ToString(), error.ToString());
        }
        int exit = parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
