using System;
using System.IO;

namespace VerifyGate.Build;

/// <summary>Finds the <c>dotnet</c> host that runs the CLI: the one running this build when the SDK says
/// so (DOTNET_HOST_PATH), else the first on PATH.</summary>
internal static class DotnetHost
{
    public static string Find(string toolName)
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host!;
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (folder.Length == 0) continue;
            string candidate = Path.Combine(folder.Trim('"'), toolName);
            if (File.Exists(candidate)) return candidate;
        }
        return toolName;
    }
}
