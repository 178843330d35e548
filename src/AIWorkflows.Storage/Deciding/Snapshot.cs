namespace AIWorkflows.Storage.Deciding;

/// <summary>An instance as stored: its state and version, and its history when asked for.</summary>
public sealed record Snapshot<TState, TEvent>(string InstanceId, TState State, long Version, IReadOnlyList<StoredEvent<TEvent>> Events);
