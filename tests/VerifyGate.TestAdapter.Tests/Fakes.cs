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
    public bool EnableShutdownAfterTestRun { get; set; }
    public void RecordResult(TestResult testResult) { lock (Results) Results.Add(testResult); }
    public void RecordStart(TestCase testCase) { }
    public void RecordEnd(TestCase testCase, TestOutcome outcome) { }
    public void RecordAttachments(IList<AttachmentSet> attachmentSets) { }
    public void SendMessage(TestMessageLevel testMessageLevel, string message) { lock (Messages) Messages.Add($"{testMessageLevel}: {message}"); }
    public int LaunchProcessWithDebuggerAttached(string filePath, string? workingDirectory, string? arguments, IDictionary<string, string?>? environmentVariables) =>
        throw new NotSupportedException();
}
