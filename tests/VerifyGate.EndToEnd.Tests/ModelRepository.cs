namespace VerifyGate.EndToEnd.Tests;

/// <summary>A fresh model repository as a user would start one: a project file with only the SDK, a target
/// framework, Microsoft.NET.Test.Sdk and VerifyGate from the local feed, an ONNX model and property files.</summary>
public sealed class ModelRepository
{
    public const string Model = IrisSpec.ModelFile;

    private readonly PackedVerifyGate _package;
    private readonly Dictionary<string, string> _environment;

    public string Root { get; }

    public ModelRepository(PackedVerifyGate package, string name, params string[] extraPackageReferences)
    {
        _package = package;
        Root = Path.Combine(package.Root, name);
        Directory.CreateDirectory(Path.Combine(Root, "models"));
        _environment = new() { ["VERIFYGATE_CACHE_DIR"] = Path.Combine(Root, ".cache") };
        File.Copy(IrisSpec.SharedModel, Path.Combine(Root, "models", Model));
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="verifygate-local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        string references = string.Concat(extraPackageReferences.Select(r => $"\n    {r}"));
        File.WriteAllText(Path.Combine(Root, "Models.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="VerifyGate" Version="{package.Version}" />{references}
              </ItemGroup>
            </Project>
            """);
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Makes <c>dotnet test</c> run in Microsoft.Testing.Platform mode, as .NET 10 solutions choose it: a
    /// global.json with <c>"test": { "runner": "Microsoft.Testing.Platform" }</c>. The project file stays as it is.</summary>
    public void UseTestingPlatform() =>
        File.WriteAllText(PathOf("global.json"), """{ "test": { "runner": "Microsoft.Testing.Platform" } }""");

    /// <summary>Writes <see cref="IrisSpec"/> with the repository's copy of the model.</summary>
    public string WriteLipschitzSpec(string fileName, string property, double atMost)
    {
        string path = PathOf(Path.Combine("models", fileName));
        File.WriteAllText(path, IrisSpec.Text(Model, property, atMost));
        return path;
    }

    public (int ExitCode, string Output) Dotnet(params string[] arguments) => Dotnet(null, arguments);

    public (int ExitCode, string Output) Dotnet(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var merged = new Dictionary<string, string>(_environment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) merged[key] = value;
        return DotnetCli.Run(Root, merged, PackedVerifyGate.Timeout, arguments);
    }

    /// <summary><c>dotnet build -t:VerifyGateCheck</c> with detailed output, so skipped targets are visible.</summary>
    public (int ExitCode, string Output) Check(params string[] arguments) =>
        Dotnet(["build", "-t:VerifyGateCheck", "-tl:off", "-v:d", .. arguments]);
}
