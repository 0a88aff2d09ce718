using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace VerifyGate.TestAdapter;

/// <summary>Reports one test per property of the property files in a test assembly's manifest.
/// Nothing is solved: discovery only reads the files.
/// <c>--filter</c> applies as in runs, so <c>--list-tests --filter</c> lists what the run would check.</summary>
[FileExtension(".dll")]
[FileExtension(".exe")]
[DefaultExecutorUri(TestCases.ExecutorUriText)]
public sealed class PropertyDiscoverer : ITestDiscoverer
{
    public void DiscoverTests(IEnumerable<string> sources, IDiscoveryContext discoveryContext, IMessageLogger logger, ITestCaseDiscoverySink discoverySink)
    {
        if (CaseFilter.FromOrReport(discoveryContext, logger) is not { } filter) return;
        var settings = AdapterSettings.Parse(discoveryContext.RunSettings?.SettingsXml);
        try
        {
            foreach (var test in Sources.Discover(sources).Where(t => filter.Matches(t.Test) && ShardSelection.Includes(t, settings)))
                discoverySink.SendTestCase(test.Test);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.SendMessage(TestMessageLevel.Error, $"VerifyGate: cannot read a property manifest: {e.Message}");
        }
    }
}
