using Onnx;

namespace VerifyGate.Core.Onnx;

/// <summary>Reads an ONNX file into the network IR. Every failure is a <see cref="VerifyGateException"/>
/// whose diagnostic names the file and the cause (codes VG2001-VG2005).</summary>
public static class OnnxImporter
{
    public static ImportedModel Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            string cause = e is FileNotFoundException or DirectoryNotFoundException ? "the model file does not exist" : $"cannot read the model file: {e.Message}";
            throw Fail(path, ImportCodes.Unreadable, cause);
        }
        return Load(path, bytes);
    }

    /// <summary>Imports model bytes; <paramref name="displayPath"/> names the model in diagnostics.</summary>
    public static ImportedModel Load(string displayPath, byte[] bytes)
    {
        if (bytes.Length == 0) throw Fail(displayPath, ImportCodes.NotOnnx, "the file is empty, not an ONNX model");
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(bytes);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw Fail(displayPath, ImportCodes.NotOnnx, $"not a valid ONNX model (the protobuf cannot be parsed: {e.Message})");
        }
        try
        {
            return GraphImport.Run(model, displayPath);
        }
        catch (OnnxImportException e)
        {
            throw Fail(displayPath, e.Code, e.Message);
        }
        catch (Exception e) when (e is not VerifyGateException and not OutOfMemoryException)
        {
            throw Fail(displayPath, ImportCodes.UnsupportedStructure, $"the model cannot be imported: {e.GetType().Name}: {e.Message}");
        }
    }

    private static VerifyGateException Fail(string path, string code, string message) =>
        new(Diagnostic.ForFile(path, code, message));
}
