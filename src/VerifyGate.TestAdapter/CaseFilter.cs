using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;

namespace VerifyGate.TestAdapter;

/// <summary><c>dotnet test --filter</c>: VSTest leaves filtering to the adapter. Supported names:
/// FullyQualifiedName, Name (the property name), DisplayName, Kind, Model.</summary>
public sealed class CaseFilter
{
    private static readonly string[] Supported = ["FullyQualifiedName", "Name", "DisplayName", "Kind", "Model"];
    private readonly ITestCaseFilterExpression? _expression;

    private CaseFilter(ITestCaseFilterExpression? expression) => _expression = expression;

    public static CaseFilter All { get; } = new(null);

    /// <summary>The run's filter; throws <see cref="TestPlatformFormatException"/> for a filter naming other properties.</summary>
    public static CaseFilter From(IRunContext? context) => new(context?.GetTestCaseFilter(Supported, PropertyNamed));

    public bool Matches(TestCase test) =>
        _expression is null || _expression.MatchTestCase(test, name => PropertyNamed(name) is { } p ? test.GetPropertyValue(p) : null);

    private static TestProperty? PropertyNamed(string name) => name.ToLowerInvariant() switch
    {
        "fullyqualifiedname" => TestCaseProperties.FullyQualifiedName,
        "name" or "displayname" => TestCaseProperties.DisplayName,
        "kind" => TestCases.KindProperty,
        "model" => TestCases.ModelProperty,
        _ => null,
    };
}
