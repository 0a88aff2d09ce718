using Microsoft.Testing.Extensions.VSTestBridge;
using Microsoft.Testing.Extensions.VSTestBridge.Requests;
using Microsoft.Testing.Platform.Capabilities.TestFramework;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Extensions.TestFramework;
using Microsoft.Testing.Platform.Messages;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using VerifyGate.TestAdapter;

namespace VerifyGate.TestingPlatform;

/// <summary>The VSTest adapter's discoverer and executor as a Microsoft.Testing.Platform test framework. The bridge
/// turns test cases into test nodes (uid = the test case's id, so ids match VSTest mode) and applies <c>--filter</c>
/// and the tests a client chose; cancellation (Ctrl-C, <c>--timeout</c>) cancels the executor. <c>--treenode-filter</c>,
/// which the bridge refuses, is resolved into the ids it selects before the bridge sees the request
/// (<see cref="TreePaths"/>).</summary>
internal sealed class PropertyTestFramework(
    VerifyGateExtension extension, Func<IEnumerable<System.Reflection.Assembly>> testAssemblies,
    IServiceProvider services, ITestFrameworkCapabilities capabilities)
    : SynchronizedSingleSessionVSTestBridgedTestFramework(extension, testAssemblies, services, capabilities), ITestFramework
{
    private readonly Func<IEnumerable<System.Reflection.Assembly>> _testAssemblies = testAssemblies;

    /// <summary>The platform calls its test framework through this interface; the bridge's own implementation gets the
    /// request with a tree filter replaced.</summary>
    Task ITestFramework.ExecuteRequestAsync(ExecuteRequestContext context) =>
        ExecuteRequestAsync(TreePaths.Resolve(context, _testAssemblies().Select(a => a.Location)));

    protected override Task SynchronizedDiscoverTestsAsync(VSTestDiscoverTestExecutionRequest request, IMessageBus messageBus,
        CancellationToken cancellationToken)
    {
        new PropertyDiscoverer().DiscoverTests(request.AssemblyPaths, request.DiscoveryContext, request.MessageLogger, request.DiscoverySink);
        return Task.CompletedTask;
    }

    protected override Task SynchronizedRunTestsAsync(VSTestRunTestExecutionRequest request, IMessageBus messageBus,
        CancellationToken cancellationToken)
    {
        var executor = new PropertyExecutor();
        // The tests a client chose arrive as an Id filter on the run context, so the run always starts from the sources.
        using (cancellationToken.Register(executor.Cancel))
            executor.RunTests(request.AssemblyPaths, request.RunContext, request.FrameworkHandle);
        return Task.CompletedTask;
    }

    /// <summary>Test Explorer in MTP mode builds its tree from the method identifier: the same folder › file ›
    /// property levels as the VSTest hierarchy, and the TRX class name VSTest mode writes.</summary>
    protected override void AddAdditionalProperties(TestNode testNode, TestCase testCase)
    {
        if (TestNodeHierarchy.Identifier(testCase) is { } identifier) testNode.Properties.Add(identifier);
    }
}
