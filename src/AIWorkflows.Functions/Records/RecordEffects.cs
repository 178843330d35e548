using System.Text.Json;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.Records;

/// <summary>Outbox effects that keep a request's artifacts as records once its events are committed.</summary>
public static class RecordEffects
{
    public const string Kind = "record";

    public sealed record Payload(string What, string RequestId);

    public static PendingEffect Submission(long seq, string requestId) =>
        new($"{seq}-record-submission", Kind, JsonSerializer.Serialize(new Payload("submission", requestId)));

    public static PendingEffect Decision(long seq, string requestId) =>
        new($"{seq}-record-decision", Kind, JsonSerializer.Serialize(new Payload("decision", requestId)));
}
