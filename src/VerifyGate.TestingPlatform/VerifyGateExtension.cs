using System.Reflection;
using Microsoft.Testing.Platform.Extensions;

namespace VerifyGate.TestingPlatform;

/// <summary>How VerifyGate names itself to Microsoft.Testing.Platform (<c>--info</c>, diagnostics).</summary>
internal sealed class VerifyGateExtension : IExtension
{
    public string Uid => "VerifyGate";

    public string DisplayName => "VerifyGate";

    public string Version { get; } =
        typeof(VerifyGateExtension).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VerifyGateExtension).Assembly.GetName().Version?.ToString() ?? "0";

    public string Description => "Certified robustness properties of ONNX models (*.verify.json) as tests";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);
}
