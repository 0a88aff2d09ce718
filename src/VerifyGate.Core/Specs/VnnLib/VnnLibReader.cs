namespace VerifyGate.Core.Specs.VnnLib;

/// <summary>Placeholder until the reader lands (branch vnnlib).</summary>
public static class VnnLibReader
{
    public static VnnLibProperty Read(string path, int? expectedInputs = null, int? expectedOutputs = null) =>
        throw new VnnLibException(path, 1, 1, "the VNN-LIB reader is not built yet");
}
