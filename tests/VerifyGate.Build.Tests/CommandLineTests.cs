using Microsoft.Build.Utilities;

namespace VerifyGate.Build.Tests;

public class CommandLineTests
{
    [Fact]
    public void Every_setting_reaches_the_cli()
    {
        var task = new CheckProperties
        {
            CliPath = "/pkg/tools/cli/verifygate.dll",
            ProbingPath = "/home/u/.nuget/packages/",
            PropertyFiles = [new TaskItem("/repo/a.verify.json"), new TaskItem("/repo/with space/b.verify.json")],
            InputsFile = "/repo/obj/verifygate/inputs.txt",
            TimeLimitSeconds = "30",
            Solver = "scip",
            Cores = "3",
            Shard = "2/3",
            HtmlReport = "/repo/out/report.html",
            CacheDirectory = "/tmp/cache",
            UseCache = false,
            Exact = true,
        };
        Assert.Equal(
            "exec --additionalprobingpath /home/u/.nuget/packages/ /pkg/tools/cli/verifygate.dll check --absolute-paths " +
            "--inputs-file /repo/obj/verifygate/inputs.txt --time-limit 30 --solver scip --cores 3 --shard 2/3 --html /repo/out/report.html --cache-dir /tmp/cache --no-cache --exact " +
            "/repo/a.verify.json \"/repo/with space/b.verify.json\"",
            task.CommandLine);
    }

    [Fact]
    public void Defaults_add_nothing()
    {
        var task = new CheckProperties { CliPath = "/c/verifygate.dll", PropertyFiles = [new TaskItem("/r/a.verify.json")] };
        Assert.Equal("exec /c/verifygate.dll check --absolute-paths /r/a.verify.json", task.CommandLine);
    }
}
