using System.Reflection;
using Microsoft.Testing.Extensions.TrxReport.Abstractions;
using Microsoft.Testing.Extensions.VSTestBridge.Helpers;
using Microsoft.Testing.Platform.Builder;
using Microsoft.Testing.Platform.Capabilities.TestFramework;
using Microsoft.Testing.Platform.Helpers;

namespace VerifyGate.TestingPlatform;

/// <summary>Registers VerifyGate with a Microsoft.Testing.Platform test application. The package's props declare
/// this type as a TestingPlatformBuilderHook, so the entry point Microsoft.Testing.Platform.MSBuild generates calls
/// <see cref="AddExtensions"/>; nothing is written by hand in the model repository.</summary>
public static class TestingPlatformBuilderHook
{
    public static void AddExtensions(ITestApplicationBuilder builder, string[] arguments)
    {
        _ = arguments;
        var extension = new VerifyGateExtension();
        builder.AddRunSettingsService(extension);
        builder.AddTestCaseFilterService(extension);
        builder.AddTestRunParametersService(extension);
        builder.AddTreeNodeFilterService(extension);
        builder.AddRunSettingsEnvironmentVariableProvider(extension);
        builder.RegisterTestFramework(
            _ => new TestFrameworkCapabilities(new TrxCapability()),
            (capabilities, services) => new PropertyTestFramework(extension, () => [Assembly.GetEntryAssembly()!], services, capabilities));
    }

    /// <summary>The test nodes carry what a TRX report needs (the bridge adds it when a report is asked for). Not the
    /// bridge's own base capabilities: they announce the legacy VSTest provider, and Test Explorer would then read the
    /// old vstest.TestCase properties instead of the method identifier that carries the hierarchy.</summary>
    private sealed class TrxCapability : ITrxReportCapability
    {
        public bool IsSupported => true;

        public void Enable() { }
    }
}
