using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace VerifyGate.TestAdapter.Tests;

internal sealed class Sink : ITestCaseDiscoverySink
{
    public List<TestCase> Cases { get; } = [];
    public void SendTestCase(TestCase discoveredTest) => Cases.Add(discoveredTest);
}

internal sealed class Logger : IMessageLogger
{
    public List<string> Messages { get; } = [];
    public void SendMessage(TestMessageLevel testMessageLevel, string message) => Messages.Add($"{testMessageLevel}: {message}");
}

internal sealed class Context : IDiscoveryContext
{
    public IRunSettings? RunSettings => null;
}

internal sealed class Handle : IFrameworkHandle
{
    public List<TestResult> Results { get; } = [];
    public List<string> Messages { get; } = [];
    public List<TestCase> Started { get; } = [];
    public bool EnableShutdownAfterTestRun { get; set; }
    public void RecordResult(TestResult testResult) { lock (Results) Results.Add(testResult); }
    public void RecordStart(TestCase testCase) { lock (Started) Started.Add(testCase); }
    public void RecordEnd(TestCase testCase, TestOutcome outcome) { }
    public void RecordAttachments(IList<AttachmentSet> attachmentSets) { }
    public void SendMessage(TestMessageLevel testMessageLevel, string message) { lock (Messages) Messages.Add($"{testMessageLevel}: {message}"); }
    public int LaunchProcessWithDebuggerAttached(string filePath, string? workingDirectory, string? arguments, IDictionary<string, string?>? environmentVariables) =>
        throw new NotSupportedException();
}

/// <summary>A discovery context shaped like the test platform's: IDiscoveryContext has no GetTestCaseFilter, the
/// platform's context has it as a public method. <paramref name="filter"/> gives the filter or throws.</summary>
internal class FilteringContext(Func<ITestCaseFilterExpression?> filter) : IDiscoveryContext
{
    public IRunSettings? RunSettings => null;
    public List<string> SupportedProperties { get; } = [];

    public ITestCaseFilterExpression? GetTestCaseFilter(IEnumerable<string>? supportedProperties, Func<string, TestProperty?> propertyProvider)
    {
        SupportedProperties.AddRange(supportedProperties ?? []);
        return filter();
    }
}

/// <summary>The run context over the same filter, as the platform's run context derives from its discovery context.</summary>
internal class FilteringRunContext(Func<ITestCaseFilterExpression?> filter) : FilteringContext(filter), IRunContext
{
    public bool KeepAlive => false;
    public bool InIsolation => false;
    public bool IsDataCollectionEnabled => false;
    public bool IsBeingDebugged => false;
    public string? TestRunDirectory => null;
    public string? SolutionDirectory => null;
}

/// <summary>The filter <c>Name=Value</c>, matched through the adapter's property provider.</summary>
internal sealed class PropertyIs(string name, string value) : ITestCaseFilterExpression
{
    public string TestCaseFilterValue => $"{name}={value}";
    public bool MatchTestCase(TestCase testCase, Func<string, object?> propertyValueProvider) =>
        propertyValueProvider(name) as string == value;
}

/// <summary>A run context with these run settings (the XML <c>dotnet test -- Name=Value</c> would make) and no filter.</summary>
internal sealed class SettingsRunContext(string settingsXml) : FilteringRunContext(() => null), IDiscoveryContext, IRunSettings
{
    IRunSettings? IDiscoveryContext.RunSettings => this;
    public string? SettingsXml => settingsXml;
    public ISettingsProvider? GetSettings(string? settingsName) => null;
}
