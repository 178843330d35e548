using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AIWorkflows.App.Tests.Workflows.Replay;

/// <summary>
/// An activity input as data, not text: how characters are escaped (the stored JSON options keep text
/// as it is since histories were first recorded) does not change what an activity is given. JSON held in
/// a string (a step's states) is read as JSON too.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonSerializerOptions Written = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Of(string? json)
    {
        if (json is null) return null;
        try
        {
            return Canonical(JsonNode.Parse(json))?.ToJsonString(Written) ?? "null";
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        JsonValue v when v.TryGetValue<string>(out var text) && text.TrimStart() is ['{' or '[', ..] => JsonValue.Create(Of(text)),
        _ => node?.DeepClone(),
    };
}
