namespace VerifyGate.Core.Onnx;

/// <summary>Raised inside the import, where the file path is not known; the importer turns it into a
/// <see cref="VerifyGateException"/> that names the file.</summary>
internal sealed class OnnxImportException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The import's diagnostic codes.</summary>
internal static class ImportCodes
{
    public const string Unreadable = "VG2001";
    public const string NotOnnx = "VG2002";
    public const string UnsupportedOperator = "VG2003";
    public const string UnsupportedStructure = "VG2004";
    public const string NonFiniteWeights = "VG2005";

    public static OnnxImportException Structure(string message) => new(UnsupportedStructure, message);
    public static OnnxImportException Operator(string message) => new(UnsupportedOperator, message);
}
