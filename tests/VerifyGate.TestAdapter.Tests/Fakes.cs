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
