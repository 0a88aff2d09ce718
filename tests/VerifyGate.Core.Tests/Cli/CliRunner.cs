using System.CommandLine;
using VerifyGate.Cli;

namespace VerifyGate.Core.Tests.Cli;

/// <summary>Runs the CLI in-process as Program.cs does, capturing stdout and stderr.</summary>
public static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
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
