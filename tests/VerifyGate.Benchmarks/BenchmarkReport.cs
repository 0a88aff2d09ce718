using System.Text;
using System.Text.RegularExpressions;

namespace VerifyGate.Benchmarks;

/// <summary>docs/benchmarks.md, kept as named sections so that one section can be re-run alone.</summary>
public sealed class BenchmarkReport
{
    private const string Command = "dotnet run -c Release --project tests/VerifyGate.Benchmarks";
    private readonly string _path;
    private readonly List<(string Name, string Body)> _sections = new();

    public BenchmarkReport(string path)
    {
        _path = path;
        if (!File.Exists(path)) return;
        var text = File.ReadAllText(path);
        foreach (Match m in Regex.Matches(text, @"<!-- section:(?<name>[\w-]+) -->\r?\n(?<body>.*?)<!-- end:\k<name> -->", RegexOptions.Singleline))
            _sections.Add((m.Groups["name"].Value, m.Groups["body"].Value));
    }

    public void Replace(string name, string title, string markdown)
    {
        string body = $"## {title}\n\n_Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC with `{Command} -- {name}`._\n\n{markdown.TrimEnd()}\n\n";
        int index = _sections.FindIndex(s => s.Name == name);
        if (index >= 0) _sections[index] = (name, body);
        else _sections.Add((name, body));
    }

    public void Save(string[] args)
    {
        var order = BenchmarkSections.All.Select(s => s.Name).ToList();
        var sb = new StringBuilder();
        sb.Append("# Benchmarks\n\n");
        sb.Append($"Written by the benchmark runner: `{Command}` (all sections) or `... -- <section>` (one).\n");
        sb.Append($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}.\n");
        sb.Append("Times are wall-clock medians of repeated runs unless a table says otherwise.\n\n");
        foreach (var (name, body) in _sections.OrderBy(s => order.IndexOf(s.Name) is var i && i < 0 ? int.MaxValue : i))
            sb.Append($"<!-- section:{name} -->\n{body}<!-- end:{name} -->\n\n");
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path, sb.ToString().TrimEnd() + "\n");
    }
}
