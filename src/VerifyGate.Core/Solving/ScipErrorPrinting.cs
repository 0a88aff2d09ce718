using System.Runtime.InteropServices;

namespace VerifyGate.Core.Solving;

/// <summary>Routes SCIP's error messages (SCIPerrorMessage, which bypasses every message handler and
/// writes to the process's stderr) into <see cref="SolverMessageCapture"/>. SCIP keeps one error printer
/// per process (SCIPmessageSetErrorPrinting), called on the thread that reports the error; a SCIP
/// instance runs on the thread that called solve, so the thread tells which solve a message belongs to.
/// Installed once, after OR-Tools has loaded SCIP; when libscip cannot be found, SCIP prints as before.</summary>
internal static class ScipErrorPrinting
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void ErrorPrinter(IntPtr data, IntPtr file, IntPtr message);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetErrorPrinting(IntPtr printer, IntPtr data);

    private static readonly string[] LibraryNames = ["libscip.so.10.0", "libscip.10.0.dylib", "libscip.dll", "libscip"];

    // Kept alive for the life of the process: SCIP holds the function pointer.
    private static readonly ErrorPrinter Printer = Print;
    private static readonly Lazy<bool> Installation = new(Install);

    /// <summary>True when SCIP's errors are captured (false: they still go straight to stderr).</summary>
    public static bool EnsureInstalled() => Installation.Value;

    private static bool Install()
    {
        var assembly = typeof(Google.OrTools.LinearSolver.Solver).Assembly;
        foreach (string name in LibraryNames)
        {
            if (!NativeLibrary.TryLoad(name, assembly, DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories, out var library)
                && !NativeLibrary.TryLoad(name, out library))
                continue;
            if (!NativeLibrary.TryGetExport(library, "SCIPmessageSetErrorPrinting", out var export)) continue;
            var set = Marshal.GetDelegateForFunctionPointer<SetErrorPrinting>(export);
            set(Marshal.GetFunctionPointerForDelegate(Printer), IntPtr.Zero);
            return true;
        }
        return false;
    }

    /// <summary>SCIP passes each message in pieces (the "[file:line] ERROR: " header, then the text),
    /// and NULL to flush.</summary>
    private static void Print(IntPtr data, IntPtr file, IntPtr message)
    {
        if (message == IntPtr.Zero) return;
        SolverMessageCapture.Receive(Marshal.PtrToStringUTF8(message) ?? "");
    }
}
