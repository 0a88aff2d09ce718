namespace VerifyGate.Core.Specs;

/// <summary>Diagnostic codes of property files. VG10xx come from loading a file
/// (<see cref="SpecLoader"/>), VG11xx from checking a property against its model
/// (<see cref="SpecValidator"/>). Documented in docs/diagnostics.md; never reuse a number.</summary>
public static class SpecErrorCodes
{
    /// <summary>The property file cannot be read (missing, no permission).</summary>
    public const string FileUnreadable = "VG1000";
    /// <summary>The file is not valid JSON.</summary>
    public const string MalformedJson = "VG1001";
    /// <summary>The top-level value is not an object.</summary>
    public const string RootNotObject = "VG1002";
    /// <summary>"properties" is not an array.</summary>
    public const string PropertiesNotArray = "VG1003";
    /// <summary>"kind" is not one of the known kinds.</summary>
    public const string UnknownKind = "VG1004";
    /// <summary>A required field is absent.</summary>
    public const string MissingField = "VG1005";
    /// <summary>A field has the wrong JSON type (a string where a number is expected, ...).</summary>
    public const string WrongType = "VG1006";
    /// <summary>A field name the format does not know (with the closest known name as a hint).</summary>
    public const string UnknownField = "VG1007";
    /// <summary>A norm other than "1", "2", "inf".</summary>
    public const string UnknownNorm = "VG1008";
    /// <summary>A domain lower bound above its upper bound.</summary>
    public const string LowerAboveUpper = "VG1009";
    /// <summary>NaN, infinity, or a number too large for a double (1e999).</summary>
    public const string NonFiniteNumber = "VG1010";
    /// <summary>A negative domain radius, or a maxRadius that is not positive.</summary>
    public const string NegativeRadius = "VG1011";
    /// <summary>timeLimitSeconds is not positive.</summary>
    public const string NonPositiveTimeLimit = "VG1012";
    /// <summary>Two properties share a name (reported at the second).</summary>
    public const string DuplicateName = "VG1013";
    /// <summary>The model file does not exist.</summary>
    public const string ModelNotFound = "VG1014";
    /// <summary>Both atMost and atLeast, or neither.</summary>
    public const string ThresholdCount = "VG1015";
    /// <summary>A radius kind without "center".</summary>
    public const string MissingCenter = "VG1016";
    /// <summary>No longer issued (the radius kinds take l1, l2 and l_inf balls); kept so that the code is never reused.</summary>
    public const string UnsupportedBallNorm = "VG1017";
    /// <summary>A matching property without "reference".</summary>
    public const string MissingReference = "VG1018";
    /// <summary>The same field twice in one object.</summary>
    public const string DuplicateField = "VG1019";
    /// <summary>A value outside its allowed set or range (solver, onInconclusive, empty name, empty array, ...).</summary>
    public const string InvalidValue = "VG1020";
    /// <summary>lower/upper or center/radius arrays of different lengths.</summary>
    public const string LengthMismatch = "VG1021";
    /// <summary>atLeast on a kind checked with atMost, or the reverse.</summary>
    public const string ThresholdNotForKind = "VG1022";
    /// <summary>A field that does not apply to the property's kind.</summary>
    public const string FieldNotForKind = "VG1023";
    /// <summary>A negative outputTolerance, or a separation that is not positive.</summary>
    public const string NegativeValue = "VG1024";
    /// <summary>The reference model of a matching property does not exist.</summary>
    public const string ReferenceNotFound = "VG1025";
    /// <summary>Warning: the file has no properties.</summary>
    public const string NoProperties = "VG1026";
    /// <summary>A robustness property with none, or more than one, of label, outputs, constraints and vnnlib (or a
    /// vnnlib property with a domain, which the file gives).</summary>
    public const string ConditionCount = "VG1027";
    /// <summary>The VNN-LIB file of a robustness property does not exist.</summary>
    public const string VnnLibNotFound = "VG1028";
    /// <summary>A domain end, centre, radius, maxRadius or outputTolerance beyond ±1e6
    /// (<see cref="Numerics.MagnitudeLimits.SpecValue"/>), where the solver's answers cannot be trusted.</summary>
    public const string MagnitudeTooLarge = "VG1030";

    /// <summary>The domain's length differs from the model's input size.</summary>
    public const string DomainSizeMismatch = "VG1101";
    /// <summary>An "outputs" index is not below the model's output size.</summary>
    public const string OutputIndexOutOfRange = "VG1102";
    /// <summary>A "fixed" index is not below the model's input size.</summary>
    public const string FixedIndexOutOfRange = "VG1103";
    /// <summary>The center's length differs from the model's input size.</summary>
    public const string CenterSizeMismatch = "VG1104";
    /// <summary>Every input is fixed, so there is nothing to vary.</summary>
    public const string NoFreeInput = "VG1105";
    /// <summary>A robustness condition sized differently from the model's outputs (coefficients, output bounds).</summary>
    public const string ConditionSizeMismatch = "VG1106";
    /// <summary>The VNN-LIB file cannot be read: a construct outside the supported subset, a syntax error, or variable
    /// counts that differ from the model's (reported at the line in the VNN-LIB file).</summary>
    public const string VnnLibInvalid = "VG1107";

    /// <summary>Every code above, for documentation checks.</summary>
    public static IReadOnlyList<string> All { get; } =
        typeof(SpecErrorCodes).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
}
