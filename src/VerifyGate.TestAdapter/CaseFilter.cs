using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Adapter;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace VerifyGate.TestAdapter;

/// <summary><c>dotnet test --filter</c>: VSTest leaves filtering to the adapter, in runs and in discovery
/// (<c>--list-tests</c>). Supported names: FullyQualifiedName, Name (the property name), DisplayName, Kind, Model, and Id
/// (the Microsoft.Testing.Platform bridge selects the tests Test Explorer chose by <c>Id=...</c>).</summary>
public sealed class CaseFilter
{
    private static readonly string[] Supported = ["FullyQualifiedName", "Name", "DisplayName", "Kind", "Model", "Id"];
    private readonly ITestCaseFilterExpression? _expression;

    private CaseFilter(ITestCaseFilterExpression? expression) => _expression = expression;

    public static CaseFilter All { get; } = new(null);

    /// <summary>The run's or the discovery's filter; throws <see cref="TestPlatformFormatException"/> for a malformed filter.</summary>
    public static CaseFilter From(IDiscoveryContext? context) => new(context switch
    {
        null => null,
        IRunContext run => run.GetTestCaseFilter(Supported, PropertyNamed),
        _ => DiscoveryExpression(context),
    });

    /// <summary>The filter, or null after reporting a malformed filter to <paramref name="logger"/> (then no test is
    /// discovered or run).</summary>
    public static CaseFilter? FromOrReport(IDiscoveryContext? context, IMessageLogger logger)
    {
        try
        {
            return From(context);
        }
        catch (TestPlatformFormatException e)
        {
            logger.SendMessage(TestMessageLevel.Error, $"VerifyGate: {e.Message}");
            return null;
        }
    }

    public bool Matches(TestCase test) =>
        _expression is null || _expression.MatchTestCase(test, name => PropertyNamed(name) is { } p ? Text(test.GetPropertyValue(p)) : null);

    /// <summary>The filter compares text: an id is compared as VSTest prints it.</summary>
    private static object? Text(object? value) => value is Guid id ? id.ToString() : value;

    /// <summary>IDiscoveryContext has no GetTestCaseFilter, but the test platform's discovery context has the same
    /// public method as IRunContext's (how MSTest and xUnit filter <c>--list-tests</c> too). A host without it
    /// gives no filter: every test is listed, as before.</summary>
    private static ITestCaseFilterExpression? DiscoveryExpression(IDiscoveryContext context)
    {
        var method = context.GetType().GetMethod("GetTestCaseFilter", [typeof(IEnumerable<string>), typeof(Func<string, TestProperty>)]);
        if (method is null || !typeof(ITestCaseFilterExpression).IsAssignableFrom(method.ReturnType)) return null;
        try
        {
            return (ITestCaseFilterExpression?)method.Invoke(context, [Supported, (Func<string, TestProperty?>)PropertyNamed]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private static TestProperty? PropertyNamed(string name) => name.ToLowerInvariant() switch
    {
        "fullyqualifiedname" => TestCaseProperties.FullyQualifiedName,
        "name" or "displayname" => TestCaseProperties.DisplayName,
        "kind" => TestCases.KindProperty,
        "model" => TestCases.ModelProperty,
        "id" => TestCaseProperties.Id,
        _ => null,
    };
}
