using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using VerifyGate.TestAdapter;

namespace VerifyGate.TestingPlatform;

/// <summary>The VSTest hierarchy of a discovered property (<see cref="TestCases.HierarchyProperty"/>) as
/// Microsoft.Testing.Platform's method identifier, which its Test Explorer and TRX report read:
/// namespace = the property file's folder, type = the file, method = the property.</summary>
internal static class TestNodeHierarchy
{
    /// <summary>Null for a test case without a hierarchy (none of VerifyGate's).</summary>
    public static TestMethodIdentifierProperty? Identifier(TestCase testCase) =>
        testCase.GetPropertyValue(TestCases.HierarchyProperty) is string?[] levels ? Identifier(testCase.Source, levels) : null;

    public static TestMethodIdentifierProperty Identifier(string source, IReadOnlyList<string?> levels) => new(
        assemblyFullName: Path.GetFileNameWithoutExtension(source),
        @namespace: levels[1] ?? "",
        typeName: levels[2] ?? "",
        methodName: levels[3] ?? "",
        methodArity: 0,
        parameterTypeFullNames: [],
        returnTypeFullName: "System.Void");
}
