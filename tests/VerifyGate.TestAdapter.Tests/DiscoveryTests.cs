using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;

namespace VerifyGate.TestAdapter.Tests;

public class DiscoveryTests : IDisposable
{
    private readonly string _repo = RepoPaths.TempDirectory("vg-discovery");

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    private string Source()
    {
        RepoPaths.CopyDirectory(RepoPaths.Of("samples/ModelRepo/models"), Path.Combine(_repo, "models"));
        File.WriteAllText(Path.Combine(_repo, "models", "broken.verify.json"), "{ \"properties\": [ { \"name\": \"x\", }");
        string bin = Path.Combine(_repo, "bin");
        Directory.CreateDirectory(bin);
        File.WriteAllLines(Path.Combine(bin, "Repo" + Manifest.Extension),
            [$"root={_repo}/", "spec=models/vanderpol-step.verify.json", "spec=models/broken.verify.json", "spec=models/controller.verify.json"]);
        return Path.Combine(bin, "Repo.dll");
    }

    [Fact]
    public void One_test_per_property_with_stable_names_locations_and_traits()
    {
        var sink = new Sink();
        new PropertyDiscoverer().DiscoverTests([Source()], new Context(), new Logger(), sink);

        Assert.Equal(
            ["models.broken.(file)", "models.controller.action-scores-lipschitz-linf", "models.controller.push-right-score-lipschitz-l1",
             "models.controller.action-scores-lipschitz-full-state-space", "models.vanderpol-step.step-lipschitz-linf",
             "models.vanderpol-step.position-lipschitz-l1", "models.vanderpol-step.step-lipschitz-wide-box",
             "models.vanderpol-step.no-other-preimage-near-state"],
            sink.Cases.Select(c => c.FullyQualifiedName));
        var first = sink.Cases.Single(c => c.DisplayName == "step-lipschitz-linf");
        Assert.Equal(Path.Combine(_repo, "models", "vanderpol-step.verify.json"), first.CodeFilePath);
        Assert.Equal(7, first.LineNumber);
        Assert.Equal(TestCases.ExecutorUri, first.ExecutorUri);
        Assert.Equal([("Kind", "lipschitz"), ("Model", "vanderpol-step")], first.Traits.Select(t => (t.Name, t.Value)));
        var broken = sink.Cases.Single(c => c.FullyQualifiedName == "models.broken.(file)");
        Assert.Equal(1, broken.LineNumber);
        Assert.Empty(broken.Traits);
    }

    [Fact]
    public void A_filter_lists_only_the_properties_it_selects()
    {
        string source = Source();
        var byKind = new Sink();
        var context = new FilteringContext(() => new PropertyIs("Kind", "preimage-radius"));
        new PropertyDiscoverer().DiscoverTests([source], context, new Logger(), byKind);
        Assert.Equal(["models.vanderpol-step.no-other-preimage-near-state"], byKind.Cases.Select(c => c.FullyQualifiedName));
        Assert.Equal(["FullyQualifiedName", "Name", "DisplayName", "Kind", "Model", "Id"], context.SupportedProperties);

        var byModel = new Sink();
        new PropertyDiscoverer().DiscoverTests([source], new FilteringContext(() => new PropertyIs("Model", "controller")), new Logger(), byModel);
        Assert.Equal(
            ["models.controller.action-scores-lipschitz-linf", "models.controller.push-right-score-lipschitz-l1",
             "models.controller.action-scores-lipschitz-full-state-space"],
            byModel.Cases.Select(c => c.FullyQualifiedName));
    }

    [Fact]
    public void A_malformed_filter_lists_nothing_and_is_reported_as_in_runs()
    {
        string source = Source();
        ITestCaseFilterExpression Malformed() => throw new TestPlatformFormatException("Incorrect format for TestCaseFilter Missing Operator '|' or '&'.", "Kind=a Model=b");
        var sink = new Sink();
        var logger = new Logger();
        new PropertyDiscoverer().DiscoverTests([source], new FilteringContext(Malformed), logger, sink);
        var handle = new Handle();
        new PropertyExecutor { StepSummaryFile = () => null }.RunTests([source], new FilteringRunContext(Malformed), handle);

        Assert.Empty(sink.Cases);
        Assert.Empty(handle.Results);
        Assert.Equal(["Error: VerifyGate: Incorrect format for TestCaseFilter Missing Operator '|' or '&'."], logger.Messages);
        Assert.Equal(logger.Messages, handle.Messages);
    }

    [Fact]
    public void Ids_are_the_same_on_every_discovery()
    {
        string source = Source();
        var a = new Sink();
        var b = new Sink();
        new PropertyDiscoverer().DiscoverTests([source], new Context(), new Logger(), a);
        new PropertyDiscoverer().DiscoverTests([source], new Context(), new Logger(), b);
        Assert.Equal(a.Cases.Select(c => c.Id), b.Cases.Select(c => c.Id));
        Assert.Equal(a.Cases.Count, a.Cases.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Ids_depend_on_the_assembly_name_and_the_test_name_not_on_where_the_repository_is()
    {
        var here = new Sink();
        new PropertyDiscoverer().DiscoverTests([Source()], new Context(), new Logger(), here);
        string moved = RepoPaths.TempDirectory("vg-discovery-moved");
        try
        {
            RepoPaths.CopyDirectory(Path.Combine(_repo, "models"), Path.Combine(moved, "models"));
            Directory.CreateDirectory(Path.Combine(moved, "out"));
            File.WriteAllLines(Path.Combine(moved, "out", "Repo" + Manifest.Extension),
                [$"root={moved}/", "spec=models/vanderpol-step.verify.json", "spec=models/broken.verify.json", "spec=models/controller.verify.json"]);
            var there = new Sink();
            new PropertyDiscoverer().DiscoverTests([Path.Combine(moved, "out", "Repo.dll")], new Context(), new Logger(), there);

            Assert.Equal(here.Cases.Select(c => (c.FullyQualifiedName, c.Id)), there.Cases.Select(c => (c.FullyQualifiedName, c.Id)));
            Assert.All(here.Cases, c => Assert.Equal(TestIds.For("Repo.dll", c.FullyQualifiedName), c.Id));
            Assert.NotEqual(TestIds.For("Repo.dll", "models.controller.x"), TestIds.For("Other.dll", "models.controller.x"));
            // A fixed known value: the id may never change between versions, or history in CI systems breaks.
            Assert.Equal(Guid.Parse("2946c673-58ba-5be5-a3a8-f8142ae32cb1"), TestIds.For("Models.dll", "models.controller.push-right-score-lipschitz-l1"));
        }
        finally
        {
            Directory.Delete(moved, recursive: true);
        }
    }

    [Fact]
    public void Test_Explorer_gets_folder_file_and_property_as_the_hierarchy()
    {
        var sink = new Sink();
        new PropertyDiscoverer().DiscoverTests([Source()], new Context(), new Logger(), sink);
        var step = sink.Cases.Single(c => c.DisplayName == "step-lipschitz-linf");
        Assert.Equal("(host) › models › vanderpol-step › step-lipschitz-linf", Levels(step.GetPropertyValue<string?[]>(TestCases.HierarchyProperty, null)));
        var broken = sink.Cases.Single(c => c.FullyQualifiedName == "models.broken.(file)");
        Assert.Equal("(host) › models › broken › (file)", Levels(broken.GetPropertyValue<string?[]>(TestCases.HierarchyProperty, null)));

        var nested = new PropertyCase("zoo/control/v1.2/policy.verify.json", "/r/zoo/control/v1.2/policy.verify.json", "linf", 3, "lipschitz", "policy");
        Assert.Equal("(host) › zoo.control.v1.2 › policy › linf", Levels(TestCases.Hierarchy(nested)));
        var atRoot = new PropertyCase("policy.verify.json", "/r/policy.verify.json", "linf", 3, "lipschitz", "policy", Ordinal: 1);
        Assert.Equal("(host) ›  › policy › linf (line 3)", Levels(TestCases.Hierarchy(atRoot)));
        Assert.Equal("policy.linf@3", atRoot.FullyQualifiedName);

        // Microsoft.Testing.Platform mode: the same levels as the method identifier its Test Explorer and TRX read.
        var identifier = TestingPlatform.TestNodeHierarchy.Identifier(step)!;
        Assert.Equal(("Repo", "models", "vanderpol-step", "step-lipschitz-linf", 0),
            (identifier.AssemblyFullName, identifier.Namespace, identifier.TypeName, identifier.MethodName, identifier.MethodArity));
        var deeper = TestingPlatform.TestNodeHierarchy.Identifier(step.Source, TestCases.Hierarchy(nested));
        Assert.Equal(("zoo.control.v1.2", "policy", "linf"), (deeper.Namespace, deeper.TypeName, deeper.MethodName));
        // --treenode-filter paths: the same levels under the assembly; a file in the root has the folder '.'.
        var discovered = Sources.Discover([step.Source]).Single(t => t.Property.Property == "step-lipschitz-linf");
        Assert.Equal("/Repo/models/vanderpol-step/step-lipschitz-linf", TestingPlatform.TreePaths.PathOf(discovered));
        Assert.Equal("/Repo/./policy/linf (line 3)", TestingPlatform.TreePaths.PathOf(discovered with { Property = atRoot }));
    }

    private static string Levels(string?[]? hierarchy) => hierarchy is null ? "no hierarchy" : string.Join(" › ", hierarchy.Select(l => l ?? "(host)"));

    [Fact]
    public void The_bridge_selects_chosen_tests_by_id()
    {
        string source = Source();
        var all = new Sink();
        new PropertyDiscoverer().DiscoverTests([source], new Context(), new Logger(), all);
        var chosen = all.Cases.Single(c => c.DisplayName == "position-lipschitz-l1");
        var sink = new Sink();
        new PropertyDiscoverer().DiscoverTests([source], new FilteringContext(() => new PropertyIs("Id", chosen.Id.ToString())), new Logger(), sink);
        Assert.Equal([chosen.FullyQualifiedName], sink.Cases.Select(c => c.FullyQualifiedName));
    }

    [Fact]
    public void An_assembly_without_a_manifest_has_no_tests()
    {
        var sink = new Sink();
        new PropertyDiscoverer().DiscoverTests([typeof(DiscoveryTests).Assembly.Location], new Context(), new Logger(), sink);
        Assert.Empty(sink.Cases);
    }

    [Fact]
    public void A_later_property_with_a_taken_name_is_its_own_test()
    {
        File.WriteAllText(Path.Combine(_repo, "dup.verify.json"), """
            { "model": "m.onnx", "properties": [
              { "name": "p", "kind": "lipschitz", "atMost": 1 },
              { "name": "p", "kind": "lipschitz", "atMost": 2 } ] }
            """);
        var manifest = new Manifest(_repo, ["dup.verify.json"]);
        var cases = PropertyOutline.Read(manifest);
        Assert.Equal(["dup.p", "dup.p@3"], cases.Select(c => c.FullyQualifiedName));
        Assert.Equal(["p", "p (line 3)"], cases.Select(c => c.DisplayName));
    }

    [Fact]
    public void Run_settings_set_the_time_limit_and_parallelism()
    {
        var warnings = new List<string>();
        var settings = AdapterSettings.Parse(
            "<RunSettings><RunConfiguration><DisableParallelization>true</DisableParallelization></RunConfiguration>" +
            "<VerifyGate><TimeLimitSeconds>30</TimeLimitSeconds><UseCache>nope</UseCache></VerifyGate></RunSettings>", warnings);
        Assert.Equal(30, settings.TimeLimitSeconds);
        Assert.Equal(1, settings.Parallelism);
        Assert.Null(settings.UseCache);
        Assert.Equal(["VerifyGate.UseCache must be true or false, not 'nope'"], warnings);
    }

    [Fact]
    public void Run_settings_set_the_cores_of_the_test_host()
    {
        var warnings = new List<string>();
        var cores = AdapterSettings.Parse("<RunSettings><VerifyGate><Cores>3</Cores></VerifyGate></RunSettings>", warnings);
        var wrong = AdapterSettings.Parse("<RunSettings><VerifyGate><Cores>0</Cores></VerifyGate></RunSettings>", warnings);

        Assert.Equal(3, cores.Cores);
        Assert.Null(wrong.Cores);
        Assert.Equal(["VerifyGate.Cores must be a positive whole number, not '0'; VERIFYGATE_CORES or the processor count applies"], warnings);
    }
}
