using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace VerifyGate.TestAdapter;

/// <summary>Turns properties into VSTest test cases: the ids, names, source locations, hierarchy and traits
/// that terminals, TRX reports and Test Explorer show.</summary>
public static class TestCases
{
    public const string ExecutorUriText = "executor://verifygate/v1";
    public static Uri ExecutorUri { get; } = new(ExecutorUriText);

    public static TestProperty KindProperty { get; } =
        TestProperty.Register("VerifyGate.Kind", "Kind", typeof(string), TestPropertyAttributes.Hidden, typeof(TestCase));
    public static TestProperty ModelProperty { get; } =
        TestProperty.Register("VerifyGate.Model", "Model", typeof(string), TestPropertyAttributes.Hidden, typeof(TestCase));

    /// <summary>The tree Test Explorer shows (VSTest RFC 0033, the property Microsoft.TestPlatform.AdapterUtilities
    /// names HierarchyConstants.HierarchyPropertyId): container (left to the host: the project), namespace, class,
    /// test group. Here: repository folder › property file › property.</summary>
    public static TestProperty HierarchyProperty { get; } =
        TestProperty.Register("TestCase.Hierarchy", "Hierarchy", string.Empty, string.Empty, typeof(string[]), null,
            TestPropertyAttributes.Immutable, typeof(TestCase));

    /// <summary>The levels of <see cref="HierarchyProperty"/>: null for the host's container, then the property
    /// file's folder (dotted, as in the fully qualified name), its name without .verify.json, and the property.</summary>
    public static string?[] Hierarchy(PropertyCase property) => [null, property.Folder, property.FileStem, property.DisplayName];

    /// <param name="source">The test assembly the property belongs to.</param>
    public static TestCase Create(PropertyCase property, string source)
    {
        var test = new TestCase(property.FullyQualifiedName, ExecutorUri, source)
        {
            Id = TestIds.For(source, property.FullyQualifiedName),
            DisplayName = property.DisplayName,
            CodeFilePath = property.SpecPath,
            LineNumber = property.Line,
        };
        if (property.Kind.Length > 0) test.Traits.Add(new Trait("Kind", property.Kind));
        if (property.Model.Length > 0) test.Traits.Add(new Trait("Model", property.Model));
        test.SetPropertyValue(KindProperty, property.Kind);
        test.SetPropertyValue(ModelProperty, property.Model);
        test.SetPropertyValue(HierarchyProperty, Hierarchy(property));
        return test;
    }
}
