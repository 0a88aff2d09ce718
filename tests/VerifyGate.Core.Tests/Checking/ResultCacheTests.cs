using VerifyGate.Core.Checking.Cache;
using VerifyGate.Core.Checking;
using VerifyGate.Core.Norms;
using VerifyGate.Core.Specs;

namespace VerifyGate.Core.Tests.Checking;

/// <summary>Decided results come back from the cache with the same bounds; damaged entries are recomputed;
/// --no-cache neither reads nor writes; the key follows everything that determines the result.</summary>
public class ResultCacheTests : IDisposable
{
    private readonly CheckWorkspace _ws = new();
    private readonly Checker _checker = new();

    public void Dispose() => _ws.Dispose();

    private string TwoProperties() =>
        _ws.Spec("c.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("pass", 100), CheckWorkspace.Lipschitz("fail", 5));

    [Fact]
    public void A_second_run_takes_decided_results_from_the_cache()
    {
        string spec = TwoProperties();
        var first = _checker.Check([spec], _ws.Options);
        Assert.Equal([Outcome.Passed, Outcome.Failed], first.Select(r => r.Outcome));
        Assert.All(first, r => Assert.False(r.Cached));
        Assert.Equal(2, _ws.CacheEntries().Length);

        var second = _checker.Check([spec], _ws.Options);
        for (int i = 0; i < 2; i++)
        {
            Assert.True(second[i].Cached);
            Assert.Equal(first[i].Outcome, second[i].Outcome);
            Assert.Equal(first[i].Lower, second[i].Lower);
            Assert.Equal(first[i].Upper, second[i].Upper);
            Assert.Equal(first[i].Seconds, second[i].Seconds);
            Assert.Equal(first[i].Message, second[i].Message);
            Assert.Equal(first[i].Line, second[i].Line);
        }
        Assert.Equal(first[1].Witness!.X, second[1].Witness!.X);
        Assert.Equal(first[1].Witness!.Y, second[1].Witness!.Y);
        Assert.Equal(first[1].Diagnostic, second[1].Diagnostic);
    }

    [Fact]
    public void Corrupt_entries_are_ignored_and_rewritten()
    {
        string spec = TwoProperties();
        var first = _checker.Check([spec], _ws.Options);
        var entries = _ws.CacheEntries();
        File.WriteAllText(entries[0], "{ not json");
        File.WriteAllBytes(entries[1], []);

        var again = _checker.Check([spec], _ws.Options);
        Assert.All(again, r => Assert.False(r.Cached));
        Assert.Equal(first.Select(r => r.Upper), again.Select(r => r.Upper));
        Assert.All(_checker.Check([spec], _ws.Options), r => Assert.True(r.Cached));
        Assert.DoesNotContain(Directory.GetFiles(_ws.CacheDirectory, "*.tmp", SearchOption.AllDirectories), _ => true);
    }

    [Fact]
    public void An_entry_under_another_key_is_not_used()
    {
        string spec = TwoProperties();
        _checker.Check([spec], _ws.Options);
        var entries = _ws.CacheEntries();
        // Swap the two entries' contents: each file now holds the other key.
        var a = File.ReadAllBytes(entries[0]);
        File.WriteAllBytes(entries[0], File.ReadAllBytes(entries[1]));
        File.WriteAllBytes(entries[1], a);
        Assert.All(_checker.Check([spec], _ws.Options), r => Assert.False(r.Cached));
    }

    [Fact]
    public void No_cache_neither_reads_nor_writes()
    {
        string spec = TwoProperties();
        var options = _ws.Options with { UseCache = false };
        Assert.All(_checker.Check([spec], options), r => Assert.False(r.Cached));
        Assert.Empty(_ws.CacheEntries());

        _checker.Check([spec], _ws.Options);
        Assert.All(_checker.Check([spec], options), r => Assert.False(r.Cached));
    }

    [Fact]
    public void Errors_are_not_cached()
    {
        // an unavailable solver is an error result
        string spec = _ws.Spec("e.verify.json", CheckWorkspace.Iris, CheckWorkspace.Lipschitz("e", 100, ", \"solver\": \"highs\""));
        _checker.Check([spec], _ws.Options);
        Assert.Empty(_ws.CacheEntries());
    }

    [Fact]
    public void The_key_changes_with_everything_that_determines_the_result()
    {
        var (file, _) = SpecLoader.Load(TwoProperties());
        var property = SpecValidator.Resolve(file!.Properties[0], 4, 3).Property!;
        string Key(ResolvedProperty p, string model = "m", bool exact = false, double time = 60, string solver = "SCIP", string settings = "") =>
            CacheKey.Compute(model, p, null, exact, time, solver, settings);

        string baseline = Key(property);
        Assert.Equal(baseline, Key(property));
        Assert.Equal(64, baseline.Length);
        var changed = new[]
        {
            Key(property, model: "n"),
            Key(property, exact: true),
            Key(property, time: 61),
            Key(property, solver: "SCIP 11"),
            Key(property, settings: "limits/gap = 0.1"),
            Key(property with { Spec = property.Spec with { Threshold = new VerifyGate.Core.Specs.Threshold(ThresholdDirection.AtMost, 99) } }),
            Key(property with { Spec = property.Spec with { OutputNorm = NormKind.Two } }),
            Key(property with { Upper = [1, 1, 1, 0.5] }),
            Key(property with { Outputs = [0, 1] }),
            CacheKey.Compute("m", property, "reference", false, 60, "SCIP", ""),
        };
        Assert.DoesNotContain(baseline, changed);
        Assert.Equal(changed.Length, changed.Distinct().Count());
    }

    [Fact]
    public void The_default_location_is_beside_the_nearest_git_folder_or_the_spec()
    {
        string repo = Path.Combine(_ws.Root, "repo");
        Directory.CreateDirectory(Path.Combine(repo, ".git"));
        string nested = _ws.Write("repo/models/deep/x.verify.json", "{}");
        string loose = _ws.Write("loose/y.verify.json", "{}");
        string? saved = Environment.GetEnvironmentVariable(ResultCache.DirectoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(ResultCache.DirectoryVariable, null);
            Assert.Equal(Path.Combine(repo, ".verifygate", "cache"), ResultCache.LocationFor(nested));
            Assert.Equal(Path.Combine(_ws.Root, "loose", ".verifygate", "cache"), ResultCache.LocationFor(loose));
            Assert.Equal(Path.GetFullPath(_ws.CacheDirectory), ResultCache.LocationFor(nested, _ws.CacheDirectory));
            Environment.SetEnvironmentVariable(ResultCache.DirectoryVariable, Path.Combine(_ws.Root, "env"));
            Assert.Equal(Path.Combine(_ws.Root, "env"), ResultCache.LocationFor(nested));
            Assert.Equal(Path.GetFullPath(_ws.CacheDirectory), ResultCache.LocationFor(nested, _ws.CacheDirectory));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ResultCache.DirectoryVariable, saved);
        }
    }
}
