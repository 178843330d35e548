using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AIWorkflows.App.Functions;

/// <summary>
/// The function.json files the Functions host reads, generated from <see cref="AppTimers"/> when the
/// package is built (scripts/package.sh), so the deployed triggers are the timers in code. One
/// catch-all HTTP function with HTTP in/out only, which the host forwards unchanged
/// (enableForwardingHttpRequest), and one timer function per schedule, whose payload the host POSTs
/// to /{FunctionName}. Uses no ASP.NET types: the packaging script loads it from the published app.
/// </summary>
public static partial class FunctionsManifest
{
    public const string HttpFunctionName = "Http";
    public const string HttpRoute = "{*path}";

    /// <summary>The name of the trigger binding, and so the key of the timer under <c>Data</c> in the payload.</summary>
    public const string TimerBindingName = "timer";

    public static IReadOnlyList<string> HttpMethods { get; } = ["get", "head", "post", "put", "patch", "delete", "options"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject HttpFunction() => new()
    {
        ["bindings"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "httpTrigger",
                ["direction"] = "in",
                ["name"] = "req",
                // The app authorizes each request itself (Easy Auth principal, task-link tokens).
                ["authLevel"] = "anonymous",
                ["methods"] = new JsonArray(HttpMethods.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
                ["route"] = HttpRoute,
            },
            new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
    };

    public static JsonObject TimerFunction(AppTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (Ncrontab.Validate(timer.Schedule) is { } error)
            throw new InvalidOperationException($"Timer {timer.FunctionName}: {error}");
        return new JsonObject
        {
            ["bindings"] = new JsonArray(new JsonObject
            {
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["name"] = TimerBindingName,
                ["schedule"] = timer.Schedule,
                // Missed occurrences (scale to zero, restarts) are caught up once, flagged IsPastDue.
                ["useMonitor"] = true,
                ["runOnStartup"] = false,
            }),
        };
    }

    /// <summary>Every function by name: the HTTP function and one per timer.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Functions(IEnumerable<AppTimer> timers)
    {
        ArgumentNullException.ThrowIfNull(timers);
        var functions = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal) { [HttpFunctionName] = HttpFunction() };
        foreach (var timer in timers)
        {
            if (!FunctionName().IsMatch(timer.FunctionName))
                throw new InvalidOperationException($"'{timer.FunctionName}' is not a valid function name (a letter, then letters, digits, '_' or '-').");
            if (functions.Keys.Any(k => k.Equals(timer.FunctionName, StringComparison.OrdinalIgnoreCase)))
                throw new InvalidOperationException($"Two functions are named '{timer.FunctionName}'.");
            functions[timer.FunctionName] = TimerFunction(timer);
        }
        return functions;
    }

    /// <summary>Writes <c>{name}/function.json</c> under <paramref name="directory"/> for every function; returns the names.</summary>
    public static IReadOnlyList<string> WriteTo(string directory)
    {
        var functions = Functions(AppTimers.All);
        foreach (var (name, function) in functions)
        {
            var folder = Directory.CreateDirectory(Path.Combine(directory, name));
            File.WriteAllText(Path.Combine(folder.FullName, "function.json"), function.ToJsonString(Indented) + "\n");
        }
        return [.. functions.Keys];
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();
}
