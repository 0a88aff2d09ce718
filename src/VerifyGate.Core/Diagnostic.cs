namespace VerifyGate.Core;

/// <summary>A problem with a user's input (property file, model) or a run, in the canonical
/// compiler form that MSBuild, GitHub and editors understand:
/// <c>path(line,col): error VG1001: message</c>, or <c>path: error VG2001: message</c> without a position.</summary>
public sealed record Diagnostic(string File, int Line, int Column, string Code, string Message, bool IsWarning = false)
{
    public static Diagnostic ForFile(string file, string code, string message) => new(file, 0, 0, code, message);

    public override string ToString()
    {
        string position = Line > 0 ? $"({Line},{Column})" : "";
        string severity = IsWarning ? "warning" : "error";
        return $"{File}{position}: {severity} {Code}: {Message}";
    }
}

/// <summary>Thrown when an input cannot be used; carries the diagnostic to show.</summary>
public class VerifyGateException(Diagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
