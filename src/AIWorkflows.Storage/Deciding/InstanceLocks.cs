namespace AIWorkflows.Storage.Deciding;

/// <summary>
/// One async lock per instance id, held only while commands of this process decide and commit on
/// that instance. Commands racing inside one process would otherwise all lose ETag races but one,
/// and every lost race is a billed transaction; queued, each one starts from the cached result of
/// the one before and commits first time. Other processes are still handled by the ETag.
/// </summary>
internal sealed class InstanceLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task<IDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(instanceId, out entry!)) _entries[instanceId] = entry = new Entry();
            entry.Users++;
        }
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(instanceId, entry);
            throw;
        }
        return new Holder(this, instanceId, entry);
    }

    private void Leave(string instanceId, Entry entry)
    {
        lock (_gate)
        {
            // Users counts waiters as well as the holder, so at zero nobody can still need the semaphore.
            if (--entry.Users > 0) return;
            _entries.Remove(instanceId);
            entry.Semaphore.Dispose();
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Holder(InstanceLocks locks, string instanceId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1) return;
            entry.Semaphore.Release();
            locks.Leave(instanceId, entry);
        }
    }
}
