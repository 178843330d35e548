using System.Text.Json;
using System.Text.RegularExpressions;
using AIWorkflows.Domain.Policy;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace AIWorkflows.App.Policy;

/// <summary>
/// Reads a city's policy pack: the file must be well-formed JSON, valid against
/// <c>policy.schema.json</c> beside it, and pass the checks a schema cannot express
/// (<see cref="PolicyPackRules"/>). Anything else throws <see cref="PolicyPackException"/>.
/// </summary>
public static partial class PolicyPackLoader
{
    public const string SchemaFileName = "policy.schema.json";

    /// <summary>
    /// How packs are read and written: camelCase, null only where the records allow it. Missing
    /// properties are the schema's business (it lets a condition leave out "is" or "anyOf").
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
    };

    public static PolicyPack Load(string directory, string packId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(packId);
        var file = Display(directory, $"{packId}.json");
        if (!PackIdPattern().IsMatch(packId))
            throw new PolicyPackException(file, null, $"'{packId}' is not a pack id: use lower case letters, digits or '-' (available: {Available(directory)})");
        var path = Path.Combine(directory, $"{packId}.json");
        if (!File.Exists(path))
            throw new PolicyPackException(file, null, $"no policy pack '{packId}' in {Path.GetFullPath(directory)} (available: {Available(directory)})");

        var text = File.ReadAllText(path);
        CheckWellFormed(file, text);
        Throw(file, PolicySchemaErrors.Describe(Schema(directory).Validate(text)));
        var pack = Deserialize(file, text);
        Throw(file, PolicyPackRules.Check(pack, packId), text);
        return pack;
    }

    /// <summary>The pack ids in a folder: every <c>*.json</c> but the schema.</summary>
    public static IReadOnlyList<string> PackIds(string directory) =>
        Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*.json")
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
                .Where(n => !string.Equals(n + ".json", SchemaFileName, StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)]
            : [];

    private static string Available(string directory) =>
        PackIds(directory) is { Count: > 0 } ids ? string.Join(", ", ids) : "none";

    // Names the file as the repository does ("workflows/baltimore.json") wherever the app runs from.
    private static string Display(string directory, string fileName) =>
        $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)))}/{fileName}";

    private static void CheckWellFormed(string file, string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e) when (e.LineNumber is long l)
        {
            var position = e.BytePositionInLine is long p ? (int)p + 1 : (int?)null;
            throw new PolicyPackException(file, e.Path, $"malformed JSON: {Reason(e)}", (int)l + 1, position, e);
        }
        catch (JsonException e)
        {
            // A duplicate property comes without a location; Json.NET can say where it is.
            var (path, line, position) = Locate(text);
            throw new PolicyPackException(file, path, $"malformed JSON: {Reason(e)}", line, position, e);
        }
    }

    private static (string? Path, int? Line, int? Position) Locate(string text)
    {
        try
        {
            JToken.Parse(text, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            return (null, null, null);
        }
        catch (Newtonsoft.Json.JsonReaderException r)
        {
            return (PolicySchemaErrors.JsonPath("#/" + r.Path), r.LineNumber, r.LinePosition);
        }
    }

    private static JsonSchema Schema(string directory)
    {
        var path = Path.Combine(directory, SchemaFileName);
        if (!File.Exists(path))
            throw new PolicyPackException(Display(directory, SchemaFileName), null, "the policy schema is missing; packs cannot be validated without it");
        // Start-up only, and the schema has no external references: nothing here waits on I/O worth awaiting.
        return JsonSchema.FromJsonAsync(File.ReadAllText(path), path).GetAwaiter().GetResult();
    }

    private static PolicyPack Deserialize(string file, string text)
    {
        try
        {
            return JsonSerializer.Deserialize<PolicyPack>(text, SerializerOptions)
                ?? throw new PolicyPackException(file, "$", "must be an object, not null");
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is long l ? (int)l + 1 : (int?)null;
            throw new PolicyPackException(file, e.Path ?? "$", Reason(e), line, inner: e);
        }
    }

    private static void Throw(string file, IReadOnlyList<PackProblem> problems, string? text = null)
    {
        if (problems.Count == 0) return;
        var first = problems[0];
        var (line, position) = first.Line is null && text is not null ? LineOf(text, first.Path) : (first.Line, first.Position);
        var more = problems.Count > 1 ? $" [and {problems.Count - 1} more problem{(problems.Count > 2 ? "s" : "")}]" : "";
        throw new PolicyPackException(file, first.Path, first.Rule + more, line, position);
    }

    // The deserialized pack has no line numbers; find the path's token in the text (its parent when it is missing).
    private static (int? Line, int? Position) LineOf(string text, string path)
    {
        var root = JToken.Parse(text);
        for (var p = path; p.Length > 1; p = Parent(p))
            if (root.SelectToken(p) is Newtonsoft.Json.IJsonLineInfo info && info.HasLineInfo())
                return (info.LineNumber, info.LinePosition);
        return (null, null);
    }

    private static string Parent(string path) => path[..Math.Max(1, path.LastIndexOfAny(['.', '[']))];

    // System.Text.Json appends "Path: ... | LineNumber: ..." to its messages; the exception already says where.
    private static string Reason(JsonException e) => TrailingLocation().Replace(e.Message, "").Trim();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*$")]
    private static partial Regex PackIdPattern();

    [GeneratedRegex(@"\s*(Path:|LineNumber:).*$", RegexOptions.Singleline)]
    private static partial Regex TrailingLocation();
}
