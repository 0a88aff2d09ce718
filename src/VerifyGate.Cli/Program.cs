using System.CommandLine;
using VerifyGate.Cli;

var root = new RootCommand("VerifyGate: certified robustness checks of ReLU networks (ONNX).");
root.Subcommands.Add(InspectCommand.Create());
root.Subcommands.Add(CheckCommand.Create());

var parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    foreach (var error in parseResult.Errors) Console.Error.WriteLine($"verifygate: {error.Message}");
    return ExitCodes.UsageOrError;
}
return parseResult.Invoke();
