using Microsoft.Testing.Platform.Extensions.Messages;
using VerifyGate.TestAdapter;

namespace VerifyGate.TestingPlatform;

/// <summary>The VSTest hierarchy of a property (<see cref="TestCases.Hierarchy"/>) as Microsoft.Testing.Platform's
/// method identifier: namespace = the property file's folder, type = the file, method = the property.</summary>
internal static class TestNodeHierarchy
{
    public static TestMethodIdentifierProperty Identifier(string source, IReadOnlyList<string?> levels) => new(
        assemblyFullName: Path.GetFileNameWithoutExtension(source),
        @namespace: levels[1] ?? "",
        typeName: levels[2] ?? "",
        methodName: levels[3] ?? "",
        methodArity: 0,
        parameterTypeFullNames: [],
        returnTypeFullName: "System.Void");
}
