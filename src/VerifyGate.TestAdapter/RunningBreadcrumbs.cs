namespace VerifyGate.TestAdapter;

/// <summary>Names each property on the test host's stderr as it starts and as it ends. When the test host
/// dies (a native crash, the OOM killer), VSTest prints the host's stderr in its "Test host process crashed"
/// message, so the property that was running is the one started and never finished.</summary>
internal static class RunningBreadcrumbs
{
    public static void Started(PropertyCase property) => Write($"VerifyGate: checking '{property.Property}' ({Where(property)})");

    public static void Finished(PropertyCase property, string outcome) => Write($"VerifyGate: finished '{property.Property}' ({Where(property)}): {outcome}");

    private static string Where(PropertyCase property) => $"{property.RelativeSpec}:{property.Line}";

    private static void Write(string line)
    {
        Console.Error.WriteLine(line);
        Console.Error.Flush();
    }
}
