using Azure;

namespace AIWorkflows.Storage.Deciding;

/// <summary>A state read for a decision: <see cref="ETag"/> is null when the instance does not exist yet.</summary>
internal sealed record LoadedState<TState>(TState State, long Version, ETag? ETag, bool FromCache);
