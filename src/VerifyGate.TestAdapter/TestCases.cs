using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace VerifyGate.TestAdapter;

/// <summary>Turns properties into VSTest test cases: the ids, names, source locations and traits that
/// terminals, TRX reports and Test Explorer show.</summary>
public static class TestCases
{
    public const string ExecutorUriText = "executor://verifygate/v1";
    public static Uri ExecutorUri { get; } = new(ExecutorUriText);

    public static TestProperty KindProperty { get; } =
        TestProperty.Register("VerifyGate.Kind", "Kind", typeof(string), TestPropertyAttributes.Hidden, typeof(TestCase));
    public static TestProperty ModelProperty { get; } =
        TestProperty.Register("VerifyGate.Model", "Model", typeof(string), TestPropertyAttributes.Hidden, typeof(TestCase));

    /// <param name="source">The test assembly the property belongs to.</param>
    public static TestCase Create(PropertyCase property, string source)
    {
        var test = new TestCase(property.FullyQualifiedName, ExecutorUri, source)
        {
            DisplayName = property.DisplayName,
            CodeFilePath = property.SpecPath,
            LineNumber = property.Line,
        };
        if (property.Kind.Length > 0) test.Traits.Add(new Trait("Kind", property.Kind));
        if (property.Model.Length > 0) test.Traits.Add(new Trait("Model", property.Model));
        test.SetPropertyValue(KindProperty, property.Kind);
        test.SetPropertyValue(ModelProperty, property.Model);
        return test;
    }
}
