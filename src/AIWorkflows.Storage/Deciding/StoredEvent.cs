namespace AIWorkflows.Storage.Deciding;

/// <summary>An event as recorded: its place in the instance's history and when it was written.</summary>
public sealed record StoredEvent<TEvent>(long Seq, DateTimeOffset RecordedAt, TEvent Event);
