using System.Collections.Concurrent;

namespace AIWorkflows.Storage.Deciding;

/// <summary>
/// Last known (state, ETag, version) per instance, to skip the read before a write on a hot instance.
/// It is only ever a guess: writes from it are ETag-guarded, so a stale entry costs a conflict, not
/// a wrong commit.
/// </summary>
internal sealed class StateCache<TState>(int capacity)
{
    private readonly ConcurrentDictionary<string, LoadedState<TState>> _entries = new(StringComparer.Ordinal);

    public LoadedState<TState>? Get(string instanceId) =>
        _entries.TryGetValue(instanceId, out var entry) ? entry with { FromCache = true } : null;

    public void Set(string instanceId, LoadedState<TState> entry)
    {
        // Crude bound: a full reset costs one read per instance, and keeps memory flat without an LRU.
        if (_entries.Count >= capacity) _entries.Clear();
        // Two writers of this process can finish out of order; keep the newer version.
        _entries.AddOrUpdate(instanceId, entry, (_, existing) => existing.Version > entry.Version ? existing : entry);
    }

    public void Evict(string instanceId) => _entries.TryRemove(instanceId, out _);
}
