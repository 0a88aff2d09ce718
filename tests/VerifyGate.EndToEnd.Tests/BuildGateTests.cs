using System.Text.RegularExpressions;

namespace VerifyGate.EndToEnd.Tests;

/// <summary><c>dotnet build -t:VerifyGateCheck</c> and <c>VerifyGateRunOnBuild</c> on a fresh model repository.</summary>
[Collection(PackedVerifyGateCollection.Name)]
public sealed class BuildGateTests(PackedVerifyGate package)
{
    private const string Skipped = "Skipping target \"_VerifyGateCheckProperties\" because all output files are up-to-date";

    [Fact]
    public void The_check_fails_on_a_violated_property_until_it_is_fixed_and_skips_an_unchanged_repository()
    {
        var repo = new ModelRepository(package, "gate");
        repo.WriteLipschitzSpec("iris.verify.json", "iris-linf", atMost: 20);

        var first = repo.Check();
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Matches(@"passed\s+\S+iris\.verify\.json: iris-linf", first.Output);

        var unchanged = repo.Check();
        Assert.True(unchanged.ExitCode == 0, unchanged.Output);
        Assert.Contains(Skipped, unchanged.Output);
        Assert.DoesNotMatch(@"passed\s+\S+iris\.verify\.json", unchanged.Output);

        string tight = repo.WriteLipschitzSpec("tight.verify.json", "iris-linf-tight", atMost: 5);
        var violated = repo.Check();
        Assert.Equal(1, violated.ExitCode);
        // The canonical error at the threshold's value (line 8, column 17), end line/column left out.
        Assert.Matches($@"(?m)^\s*{Regex.Escape(tight)}\(8,17\): error VG3001: property 'iris-linf-tight' is violated: .*exceeds atMost 5", violated.Output);
        Assert.Contains("1 Error(s)", violated.Output);

        var stillViolated = repo.Check();
        Assert.Equal(1, stillViolated.ExitCode);
        Assert.DoesNotContain(Skipped, stillViolated.Output);
        Assert.Contains("error VG3001", stillViolated.Output);

        repo.WriteLipschitzSpec("tight.verify.json", "iris-linf-tight", atMost: 20);
        var fixedAgain = repo.Check();
        Assert.True(fixedAgain.ExitCode == 0, fixedAgain.Output);
        Assert.Contains("2 properties: 2 passed", fixedAgain.Output);

        // A model is an input too (the CLI listed it): a newer model is checked again.
        File.SetLastWriteTimeUtc(repo.PathOf($"models/{ModelRepository.Model}"), DateTime.UtcNow.AddSeconds(2));
        var modelChanged = repo.Check();
        Assert.True(modelChanged.ExitCode == 0, modelChanged.Output);
        Assert.DoesNotContain(Skipped, modelChanged.Output);
        Assert.Contains("2 properties: 2 passed", modelChanged.Output);
    }

    [Fact]
    public void Build_runs_the_check_only_when_asked()
    {
        var repo = new ModelRepository(package, "on-build");
        string tight = repo.WriteLipschitzSpec("tight.verify.json", "iris-linf-tight", atMost: 5);

        var plain = repo.Dotnet("build", "-tl:off");
        Assert.True(plain.ExitCode == 0, plain.Output);
        Assert.DoesNotContain("VG3001", plain.Output);

        var gated = repo.Dotnet("build", "-tl:off", "-p:VerifyGateRunOnBuild=true");
        Assert.Equal(1, gated.ExitCode);
        Assert.Contains($"{tight}(8,17): error VG3001", gated.Output);
    }

    [Fact]
    public void A_malformed_property_file_is_an_error_at_its_line_and_the_others_are_still_checked()
    {
        var repo = new ModelRepository(package, "malformed");
        repo.WriteLipschitzSpec("iris.verify.json", "iris-linf", atMost: 20);
        string broken = repo.PathOf("models/broken.verify.json");
        File.WriteAllText(broken, "{\n  \"model\": \"iris_net_4_5_5_3.onnx\",\n  \"properties\": [ { \"name\": \"x\", \"kind\": \"lipschitz\", \"atMost\": \"ten\" } ]\n}\n");

        var run = repo.Check();

        Assert.Equal(1, run.ExitCode);
        Assert.Matches($@"(?m)^\s*{Regex.Escape(broken)}\(3,\d+\): error VG10\d\d: ", run.Output);
        Assert.Matches(@"passed\s+\S+iris\.verify\.json: iris-linf", run.Output);
    }
}
