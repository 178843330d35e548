using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Deploy;
using Google.Protobuf;
using Proto = Microsoft.DurableTask.Protobuf;

namespace AIWorkflows.App.Tests.Workflows.Replay;

/// <summary>
/// One instance's history as the engine kept it, checked in as <c>Workflows/Histories/&lt;file&gt;.json</c> (the orchestrator's
/// name, then its version if it has one): the orchestrator, the journey that produced it, its input and output (for the
/// reader: the events carry them too), and every event in the Durable wire form (protobuf JSON), which replays as recorded.
/// </summary>
internal sealed record RecordedHistory(string File, string Orchestrator, string InstanceId, string Journey, IReadOnlyList<Proto.HistoryEvent> Events)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static string Folder => Repo.PathOf("tests", "AIWorkflows.App.Tests", "Workflows", "Histories");

    public static string PathFor(string file) => Path.Combine(Folder, file + ".json");

    /// <summary>The recorded histories, by file name without its extension.</summary>
    public static IEnumerable<string> Recorded() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);

    public string? Input => Events.FirstOrDefault(e => e.ExecutionStarted is not null)?.ExecutionStarted.Input;

    public string? Output => Events.FirstOrDefault(e => e.ExecutionCompleted is not null)?.ExecutionCompleted.Result;

    public static RecordedHistory Load(string file)
    {
        var root = JsonNode.Parse(System.IO.File.ReadAllText(PathFor(file)))!;
        var events = root["events"]!.AsArray().Select(e => Parser.Parse<Proto.HistoryEvent>(e!.ToJsonString())).ToList();
        return new RecordedHistory(file, (string)root["orchestrator"]!, (string)root["instanceId"]!, (string)root["journey"]!, events);
    }

    public void Save()
    {
        // The payloads are JSON holding JSON (a command, a pack, a state): shown unfolded at the top for the
        // reader, kept as the exact strings in the events for the replay.
        var root = new JsonObject
        {
            ["orchestrator"] = Orchestrator,
            ["instanceId"] = InstanceId,
            ["journey"] = Journey,
            ["input"] = WithoutPack(Unfold(Input)),
            ["output"] = Unfold(Output),
            ["events"] = new JsonArray([.. Events.Select(e => JsonNode.Parse(Formatter.Format(e)))]),
        };
        System.IO.File.WriteAllText(PathFor(File), root.ToJsonString(Indented) + "\n");
    }

    // The policy pack is hundreds of lines and the same in every file: named here, whole in the ExecutionStarted event.
    private static JsonNode? WithoutPack(JsonNode? input)
    {
        if (input is JsonObject start && start["Pack"] is JsonObject pack) start["Pack"] = $"the '{pack["id"]}' pack (whole in the executionStarted event)";
        return input;
    }

    private static JsonNode? Unfold(string? json) => json is null ? null : Unfold(JsonNode.Parse(json));

    private static JsonNode? Unfold(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList()) o[key] = Unfold(value?.DeepClone());
                return o;
            case JsonArray a:
                return new JsonArray([.. a.Select(v => Unfold(v?.DeepClone()))]);
            case JsonValue v when v.TryGetValue<string>(out var text) && text.TrimStart() is ['{' or '[', ..]:
                try
                {
                    return Unfold(JsonNode.Parse(text));
                }
                catch (JsonException)
                {
                    return v;
                }
            default:
                return node;
        }
    }
}
