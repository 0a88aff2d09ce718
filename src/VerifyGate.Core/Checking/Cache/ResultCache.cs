using System.Text.Json;
using VerifyGate.Core.Checking.Runners;

namespace VerifyGate.Core.Checking.Cache;

/// <summary>Decided results on disk, one JSON file per <see cref="CacheKey"/>. Only passed properties and
/// properties failed by a witness are stored: errors and undecided (time-limit) results are recomputed
/// on every run, since another run may decide them. Writes are atomic (a temporary file moved over the
/// entry); an entry that cannot be read or parsed, or whose key does not match, is ignored and recomputed.
/// The cache is best-effort: I/O failures never fail a check.</summary>
public sealed class ResultCache(string directory)
{
    /// <summary>Overrides the default location (the --cache-dir option wins over it).</summary>
    public const string DirectoryVariable = "VERIFYGATE_CACHE_DIR";

    public string Directory { get; } = Path.GetFullPath(directory);

    public string EntryPath(string key) => Path.Combine(Directory, key[..2], key + ".json");

    public BoundsRun? TryGet(string key)
    {
        try
        {
            string path = EntryPath(key);
            if (!File.Exists(path)) return null;
            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(path), CacheJsonContext.Default.CacheEntry);
            if (entry is null || entry.Format != CacheKey.Format || entry.Key != key || entry.Engine != EngineInfo.Version) return null;
            return new BoundsRun
            {
                Lower = entry.Lower,
                Upper = entry.Upper,
                Witness = entry.Witness is { } w ? new Witness(w.X, w.Y, w.Ratio, w.OutputX, w.OutputY) : null,
                Resolution = entry.Resolution,
                StrictAtZero = entry.StrictAtZero,
                Solver = entry.Solver,
                Seconds = entry.Seconds,
                Notes = entry.Notes,
                Trace = [.. entry.Trace.Where(s => s is [{ }, _, _]).Select(s => new BoundSample(s[0]!.Value, s[1], s[2]))],
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    public void Put(string key, BoundsRun run)
    {
        var entry = new CacheEntry
        {
            Format = CacheKey.Format,
            Key = key,
            Engine = EngineInfo.Version,
            Lower = run.Lower,
            Upper = run.Upper,
            Witness = run.Witness is { } w ? new CachedWitness { X = w.X, Y = w.Y, Ratio = w.Ratio, OutputX = w.OutputX, OutputY = w.OutputY } : null,
            Resolution = run.Resolution,
            StrictAtZero = run.StrictAtZero,
            Solver = run.Solver,
            Seconds = run.Seconds,
            Notes = [.. run.Notes],
            Trace = [.. run.Trace.Select(s => new double?[] { s.Seconds, s.Lower, s.Upper })],
            Created = DateTimeOffset.UtcNow,
        };
        string path = EntryPath(key);
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(entry, CacheJsonContext.Default.CacheEntry));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>Where a property file's results are cached: <paramref name="explicitDirectory"/>, else
    /// VERIFYGATE_CACHE_DIR, else <c>.verifygate/cache</c> in the folder holding the nearest <c>.git</c>
    /// (a folder, or a file in worktrees) above the property file, else beside the property file.</summary>
    public static string LocationFor(string specPath, string? explicitDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory)) return Path.GetFullPath(explicitDirectory);
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } fromEnvironment) return Path.GetFullPath(fromEnvironment);
        string specFolder = Path.GetDirectoryName(Path.GetFullPath(specPath))!;
        for (var dir = new DirectoryInfo(specFolder); dir != null; dir = dir.Parent)
        {
            string git = Path.Combine(dir.FullName, ".git");
            if (System.IO.Directory.Exists(git) || File.Exists(git))
                return Path.Combine(dir.FullName, ".verifygate", "cache");
        }
        return Path.Combine(specFolder, ".verifygate", "cache");
    }
}
