using System.Text.RegularExpressions;

namespace VerifyGate.Build;

/// <summary>Tells the CLI's canonical diagnostics (<c>path(line,col): error VG3001: ...</c> or
/// <c>path: error VG2001: ...</c>) from its other output. MSBuild's own parser would also take a result
/// line such as <c>error  models/a.verify.json: p  ...</c> or solver output such as <c>WARNING: ...</c>
/// for a diagnostic, so only lines of exactly this shape reach it.</summary>
internal static class CanonicalLine
{
    private static readonly Regex Shape = new(
        @"^(?<origin>[^\s(][^()]*?)(\(\d+,\d+\))?: (error|warning) VG\d{4}: ",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public static bool IsDiagnostic(string line)
    {
        var match = Shape.Match(line);
        // A result line has the outcome, spaces and the file before the first ": ".
        return match.Success && !match.Groups["origin"].Value.Contains(": ") && !match.Groups["origin"].Value.Contains("  ");
    }
}
