using System.Diagnostics;

namespace VerifyGate.Core.Tests.Reporting;

/// <summary>Debian's Chromium, headless, offline: the flags keep it from reaching for Google's services, which this
/// machine's closed network refuses. .ci/run installs the package where it is missing.</summary>
internal static class HeadlessChromium
{
    public static string Executable =>
        new[] { Environment.GetEnvironmentVariable("VERIFYGATE_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
        ?? throw new InvalidOperationException("Chromium is not installed: apt-get install chromium (.ci/run does), or set VERIFYGATE_CHROMIUM");

    /// <summary>The page's DOM after loading (scripts would have run; the report has none).</summary>
    public static string DumpDom(string page) => Run("--dump-dom", new Uri(page).AbsoluteUri).Output;

    /// <summary>A PNG of the page at the given window size.</summary>
    public static byte[] Screenshot(string page, int width, int height)
    {
        string png = Path.Combine(Path.GetTempPath(), $"vg-shot-{Guid.NewGuid():N}.png");
        try
        {
            var (code, output) = Run($"--window-size={width},{height}", "--hide-scrollbars", $"--screenshot={png}", new Uri(page).AbsoluteUri);
            if (code != 0 || !File.Exists(png)) throw new InvalidOperationException($"chromium took no screenshot (exit code {code}):\n{output}");
            return File.ReadAllBytes(png);
        }
        finally
        {
            File.Delete(png);
        }
    }

    private static (int Code, string Output) Run(params string[] arguments)
    {
        string profile = Path.Combine(Path.GetTempPath(), $"vg-chromium-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string flag in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}" })
            start.ArgumentList.Add(flag);
        foreach (string a in arguments) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish in 2 minutes");
            }
            return (process.ExitCode, output.Result + (process.ExitCode == 0 ? "" : error.Result));
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
