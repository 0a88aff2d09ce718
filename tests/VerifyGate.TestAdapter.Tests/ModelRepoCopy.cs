using System.Xml.Linq;

namespace VerifyGate.TestAdapter.Tests;

/// <summary>A temporary copy of samples/ModelRepo, wired to this repository's adapter (project reference)
/// and build/VerifyGate.props/targets, with a malformed property file and a violated property added.
/// Built once; each test runs <c>dotnet test --no-build</c> on it.</summary>
public class ModelRepoCopy : IDisposable
{
    public string Root { get; } = RepoPaths.TempDirectory("vg-modelrepo");
    public string Configuration => RepoPaths.Configuration;
    /// <summary>The copy's VerifyGateTimeLimitSeconds.</summary>
    public const int TimeLimitSeconds = 90;
    public string CacheDirectory => Path.Combine(Root, ".cache");
    public string AssemblyPath => Path.Combine(Root, "bin", Configuration, "net10.0", "ModelRepo.dll");

    public ModelRepoCopy() : this(_ => { }) { }

    /// <param name="addToModels">Writes further files into the copy's models folder before it is built.</param>
    protected ModelRepoCopy(Action<string> addToModels)
    {
        RepoPaths.CopyDirectory(RepoPaths.Of("samples/ModelRepo"), Root);
        string repo = RepoPaths.Root;
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"),
            $"<Project><Import Project=\"{repo}/Directory.Build.props\" />" +
            // Project settings as a user sets them; the time limit is above the default and the cache folder is
            // VERIFYGATE_CACHE_DIR's, so the checks behave as without them.
            $"<PropertyGroup><VerifyGateTimeLimitSeconds>{TimeLimitSeconds}</VerifyGateTimeLimitSeconds><VerifyGateCacheDir>.cache</VerifyGateCacheDir></PropertyGroup>" +
            $"<Import Project=\"{repo}/build/VerifyGate.props\" /></Project>");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), $"<Project><Import Project=\"{repo}/build/VerifyGate.targets\" /></Project>");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), $"<Project><Import Project=\"{repo}/Directory.Packages.props\" /></Project>");
        string project = Path.Combine(Root, "ModelRepo.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(@"..\..\src\", $"{repo}/src/"));
        File.WriteAllText(Path.Combine(Root, "models", "broken.verify.json"), "{\n  \"properties\": [ { \"name\": \"x\", }\n");
        File.WriteAllText(Path.Combine(Root, "models", "tight.verify.json"), """
            {
              "model": "controller.onnx",
              "properties": [
                {
                  "name": "controller-linf-too-tight",
                  "kind": "lipschitz",
                  "domain": { "center": [0, 0, 0, 0], "radius": 0.25 },
                  "atMost": 5
                }
              ]
            }
            """);
        addToModels(Path.Combine(Root, "models"));
        var build = Dotnet("build", "-c", Configuration, "-p:BuildProjectReferences=false");
        if (build.ExitCode != 0) throw new InvalidOperationException("building the model repository copy failed:\n" + build.Output);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    public (int ExitCode, string Output) Test(params string[] arguments) =>
        Dotnet(["test", "--no-build", "-c", Configuration, .. arguments]);

    /// <summary>Runs the tests with a TRX logger and returns the report.</summary>
    public (int ExitCode, string Output, Trx Report) TestWithTrx(params string[] arguments)
    {
        string results = Path.Combine(Root, "TestResults", Guid.NewGuid().ToString("N"));
        var (code, output) = Test(["--logger", "trx;LogFileName=run.trx", "--results-directory", results, .. arguments]);
        string trx = Path.Combine(results, "run.trx");
        Assert.True(File.Exists(trx), "no TRX file was written:\n" + output);
        return (code, output, new Trx(XDocument.Load(trx)));
    }

    private (int ExitCode, string Output) Dotnet(params string[] arguments) =>
        DotnetCli.Run(Root, Environment, TimeSpan.FromMinutes(3), arguments);

    /// <summary>The environment of every dotnet command on the copy.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["VERIFYGATE_CACHE_DIR"] = CacheDirectory };
}

/// <summary>The parts of a TRX report the tests look at.</summary>
public sealed class Trx(XDocument document)
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public sealed record Result(string Name, string ClassName, string Method, string Outcome, string Message, string StackTrace, string StdOut);

    public IReadOnlyList<Result> Results { get; } = Read(document);

    public Result this[string name] => Results.Single(r => r.Name == name);

    private static List<Result> Read(XDocument document)
    {
        var methods = document.Descendants(Ns + "UnitTest").ToDictionary(
            u => (string)u.Attribute("id")!, u => u.Element(Ns + "TestMethod")!);
        return document.Descendants(Ns + "UnitTestResult").Select(r =>
        {
            var method = methods[(string)r.Attribute("testId")!];
            var output = r.Element(Ns + "Output");
            return new Result(
                (string)r.Attribute("testName")!,
                (string)method.Attribute("className")!,
                (string)method.Attribute("name")!,
                (string)r.Attribute("outcome")!,
                output?.Element(Ns + "ErrorInfo")?.Element(Ns + "Message")?.Value ?? "",
                output?.Element(Ns + "ErrorInfo")?.Element(Ns + "StackTrace")?.Value ?? "",
                output?.Element(Ns + "StdOut")?.Value ?? "");
        }).ToList();
    }
}
