using System.Security.Cryptography;
using VerifyGate.Core.Onnx;
using VerifyGate.Core.Witnesses;

namespace VerifyGate.Core.Checking;

/// <summary>A model imported for checking, with the hash of its bytes (for the result cache) and its
/// ONNX Runtime oracle, opened on first use (cache hits never need it).</summary>
public sealed class LoadedModel : IDisposable
{
    private readonly byte[] _bytes;
    private readonly Lazy<OnnxRuntimeModel> _runtime;

    internal LoadedModel(string path, byte[] bytes, ImportedModel imported)
    {
        Path = path;
        _bytes = bytes;
        Imported = imported;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        _runtime = new Lazy<OnnxRuntimeModel>(() => new OnnxRuntimeModel(Path, _bytes), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Path { get; }
    public ImportedModel Imported { get; }
    /// <summary>SHA-256 of the model file's bytes, lowercase hex.</summary>
    public string Sha256 { get; }

    /// <summary>The witness oracle; throws <see cref="VerifyGateException"/> when ONNX Runtime cannot load the model.</summary>
    public IModelOracle Oracle => new OnnxRuntimeOracle(_runtime.Value);

    public void Dispose()
    {
        if (_runtime.IsValueCreated) _runtime.Value.Dispose();
    }
}

/// <summary>Imports each model once per check run (several property files may share a model) and
/// remembers failures, so every property of a broken model gets the same diagnostic.</summary>
public sealed class ModelStore : IDisposable
{
    private readonly Dictionary<string, object> _models = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>The model at <paramref name="path"/>; throws <see cref="VerifyGateException"/> (naming the
    /// model file) when it cannot be read or imported.</summary>
    public LoadedModel Get(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        lock (_gate)
        {
            if (!_models.TryGetValue(full, out var entry))
            {
                entry = Load(full);
                _models[full] = entry;
            }
            return entry is LoadedModel model ? model : throw new VerifyGateException((Diagnostic)entry);
        }
    }

    private static object Load(string path)
    {
        try
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                string cause = e is FileNotFoundException or DirectoryNotFoundException ? "the model file does not exist" : $"cannot read the model file: {e.Message}";
                return Diagnostic.ForFile(path, "VG2001", cause);
            }
            return new LoadedModel(path, bytes, OnnxImporter.Load(path, bytes));
        }
        catch (VerifyGateException e)
        {
            return e.Diagnostic;
        }
    }

    public void Dispose()
    {
        lock (_gate)
            foreach (var model in _models.Values.OfType<LoadedModel>()) model.Dispose();
    }
}
