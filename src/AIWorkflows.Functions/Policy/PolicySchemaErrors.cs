using System.Globalization;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AIWorkflows.App.Policy;

/// <summary>
/// Turns NJsonSchema's validation errors into problems a city administrator can act on: the JSON
/// path (<c>$.tiers[0].source</c>), the rule in words, and the line. Errors nested in arrays are
/// flattened; the schema's <c>patternErrorMessage</c>/<c>errorMessage</c> (which editors show too) wins.
/// </summary>
internal static class PolicySchemaErrors
{
    public static IReadOnlyList<PackProblem> Describe(IEnumerable<ValidationError> errors) =>
        [.. Flatten(errors)
            .Select(e => new PackProblem(JsonPath(e.Path), Rule(e), e.HasLineInfo ? e.LineNumber : null, e.HasLineInfo ? e.LinePosition : null))
            .Distinct()
            .OrderBy(p => p.Line ?? int.MaxValue)
            .ThenBy(p => p.Position ?? int.MaxValue)];

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var e in errors)
        {
            var inner = e switch
            {
                ChildSchemaValidationError c when e.Kind is ValidationErrorKind.ArrayItemNotValid
                    or ValidationErrorKind.AdditionalItemNotValid or ValidationErrorKind.AdditionalPropertiesNotValid
                    or ValidationErrorKind.NotAllOf => c.Errors.SelectMany(kv => kv.Value),
                // Without a message of its own, an anyOf/oneOf failure is best explained by the closest alternative.
                ChildSchemaValidationError c when Message(e.Schema, "errorMessage") is null && c.Errors.Count > 0 =>
                    c.Errors.Values.MinBy(v => v.Count)!,
                _ => null,
            };
            if (inner is null) yield return e;
            else foreach (var x in Flatten(inner)) yield return x;
        }
    }

    private static string Rule(ValidationError e)
    {
        var s = e.Schema?.ActualSchema;
        return e switch
        {
            MultiTypeValidationError m => $"must be {string.Join(" or ", m.Errors.Keys.OrderBy(t => t == JsonObjectType.Null).Select(TypeName))}",
            { Kind: ValidationErrorKind.PropertyRequired } => $"required property '{e.Property}' is missing",
            { Kind: ValidationErrorKind.NoAdditionalPropertiesAllowed } =>
                $"property '{e.Property}' is not allowed here" + (s is { Properties.Count: > 0 } ? $" (allowed: {string.Join(", ", s.Properties.Keys)})" : ""),
            { Kind: ValidationErrorKind.NotInEnumeration } =>
                $"must be one of ({string.Join(", ", s?.Enumeration.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)) ?? [])})",
            { Kind: ValidationErrorKind.PatternMismatch } => Message(s, "patternErrorMessage") ?? $"must match the pattern {s?.Pattern}",
            { Kind: ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf } => Message(s, "errorMessage") ?? "matches none of the allowed forms",
            { Kind: ValidationErrorKind.StringExpected } => "must be a string",
            { Kind: ValidationErrorKind.IntegerExpected } => "must be an integer",
            { Kind: ValidationErrorKind.NumberExpected } => "must be a number",
            { Kind: ValidationErrorKind.BooleanExpected } => "must be true or false",
            { Kind: ValidationErrorKind.ObjectExpected } => "must be an object",
            { Kind: ValidationErrorKind.ArrayExpected } => "must be an array",
            { Kind: ValidationErrorKind.NullExpected } => "must be null",
            { Kind: ValidationErrorKind.StringTooShort } => s?.MinLength is 1 ? "must not be empty" : $"must be at least {s?.MinLength} characters",
            { Kind: ValidationErrorKind.NumberTooSmall } => $"must be at least {s?.Minimum}",
            { Kind: ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig } => $"must be at most {s?.Maximum}",
            { Kind: ValidationErrorKind.TooFewItems } => $"must have at least {s?.MinItems} item{(s?.MinItems == 1 ? "" : "s")}",
            { Kind: ValidationErrorKind.TooManyItems } => $"must have at most {s?.MaxItems} items",
            { Kind: ValidationErrorKind.ItemsNotUnique } => "must not repeat an item",
            { Kind: ValidationErrorKind.EmailExpected } => "must be an email address",
            { Kind: ValidationErrorKind.DateExpected } => "must be a date (yyyy-MM-dd)",
            _ => $"breaks the schema ({e.Kind})",
        };
    }

    private static string? Message(JsonSchema? schema, string keyword) =>
        schema?.ActualSchema.ExtensionData?.TryGetValue(keyword, out var m) == true ? m as string : null;

    private static string TypeName(JsonObjectType t) => t switch
    {
        JsonObjectType.Object => "an object",
        JsonObjectType.Array => "an array",
        JsonObjectType.String => "a string",
        JsonObjectType.Integer => "an integer",
        JsonObjectType.Number => "a number",
        JsonObjectType.Boolean => "true or false",
        JsonObjectType.Null => "null",
        _ => t.ToString().ToLowerInvariant(),
    };

    // NJsonSchema writes "#/tiers[0].source"; the messages use JSONPath: "$.tiers[0].source".
    internal static string JsonPath(string? path) => path switch
    {
        null or "" or "#" or "#/" => "$",
        _ when path.StartsWith("#/", StringComparison.Ordinal) => "$." + path[2..],
        _ => path,
    };
}
