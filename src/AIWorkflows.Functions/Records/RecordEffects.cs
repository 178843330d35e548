using System.Text.Json;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.Records;

/// <summary>Outbox effects that keep a request's artifacts as records once its events are committed.</summary>
public static class RecordEffects
{
    public const string Kind = "record";

    /// <param name="TaskId">For a review kept as its own record: the review task.</param>
    public sealed record Payload(string What, string RequestId, string? TaskId = null);

    public static PendingEffect Submission(long seq, string requestId) =>
        new($"{seq}-record-submission", Kind, JsonSerializer.Serialize(new Payload("submission", requestId)));

    /// <summary>A review whose pack step names a record class (Albuquerque 1.2: a privacy impact assessment), kept on its own.</summary>
    public static PendingEffect Review(long seq, string requestId, string taskId) =>
        new($"{seq}-record-review-{taskId}".ToLowerInvariant(), Kind, JsonSerializer.Serialize(new Payload("review", requestId, taskId)));

    public static PendingEffect Decision(long seq, string requestId) =>
        new($"{seq}-record-decision", Kind, JsonSerializer.Serialize(new Payload("decision", requestId)));
}
