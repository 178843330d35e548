using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace AIWorkflows.Storage.Deciding;

/// <summary>
/// The whole history of recently written instances, so work that follows a commit (rendering its
/// record) reads it from memory instead of querying the partition again. Only ever extended from a
/// complete history: an instance created or fully read here, then its commits appended in order.
/// Bounded crudely (emptied when full); kept small, as histories are larger than states.
/// </summary>
internal sealed class HistoryCache<TEvent>(int capacity)
{
    private readonly ConcurrentDictionary<string, (long Version, ImmutableList<StoredEvent<TEvent>> Events)> _entries = new(StringComparer.Ordinal);

    public IReadOnlyList<StoredEvent<TEvent>>? Get(string instanceId, long version) =>
        _entries.TryGetValue(instanceId, out var e) && e.Version == version ? e.Events : null;

    public void Set(string instanceId, long version, IEnumerable<StoredEvent<TEvent>> events)
    {
        if (_entries.Count >= capacity) _entries.Clear();
        _entries[instanceId] = (version, [.. events]);
    }

    /// <summary>After a commit on <paramref name="fromVersion"/>: extends a history that ends there, starts one for a new instance, forgets any other.</summary>
    public void Append(string instanceId, long fromVersion, IReadOnlyList<StoredEvent<TEvent>> added)
    {
        if (fromVersion == 0)
        {
            Set(instanceId, added.Count, added);
            return;
        }
        if (_entries.TryGetValue(instanceId, out var e) && e.Version == fromVersion)
            _entries[instanceId] = (fromVersion + added.Count, e.Events.AddRange(added));
        else
            _entries.TryRemove(instanceId, out _);
    }
}
