using VerifyGate.Benchmarks;

// Runs the benchmark sections and rewrites their parts of docs/benchmarks.md.
//   dotnet run -c Release --project tests/VerifyGate.Benchmarks                 (all sections)
//   dotnet run -c Release --project tests/VerifyGate.Benchmarks -- foundation   (named sections only)
var sections = BenchmarkSections.All;
var chosen = args.Length == 0 ? sections : sections.Where(s => args.Contains(s.Name)).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"unknown section; known: {string.Join(", ", sections.Select(s => s.Name))}");
    return 2;
}

var report = new BenchmarkReport(Paths.BenchmarksDocument);
foreach (var section in chosen)
{
    Console.WriteLine($"== {section.Title}");
    string markdown = section.Run(Console.Out);
    report.Replace(section.Name, section.Title, markdown);
}
report.Save(args);
Console.WriteLine($"wrote {Paths.BenchmarksDocument}");
return 0;
