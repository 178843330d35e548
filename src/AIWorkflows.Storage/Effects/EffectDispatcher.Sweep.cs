using AIWorkflows.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Effects;

public sealed partial class EffectDispatcher
{
    private int _recoveryScanDue = 1;

    /// <summary>Makes the next <see cref="SweepAsync"/> scan for orphaned outbox rows again (e.g. once a day).</summary>
    public void RequestRecoveryScan() => Volatile.Write(ref _recoveryScanDue, 1);

    /// <summary>
    /// Retries pending effects; returns how many handler runs succeeded. The steady state reads only
    /// the partitions of instances this process remembers (one query each), so it costs nothing when
    /// nothing failed.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var dispatched = 0;
        IReadOnlySet<string> recovered = new HashSet<string>();
        if (Interlocked.Exchange(ref _recoveryScanDue, 0) == 1)
        {
            try
            {
                (dispatched, recovered) = await RecoverAsync(cancellationToken);
            }
            catch
            {
                Volatile.Write(ref _recoveryScanDue, 1);
                throw;
            }
        }

        var now = _time.GetUtcNow();
        foreach (var (instanceId, reminder) in _retry)
        {
            // An instance the recovery scan just handled is left for the next sweep.
            if (reminder.NotBefore > now || recovered.Contains(instanceId) || !_retry.TryRemove(KeyValuePair.Create(instanceId, reminder))) continue;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {OutboxRow.Prefix} and RowKey lt {OutboxRow.RangeEnd}");
            var rows = new List<OutboxRow>();
            try
            {
                await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                    rows.Add(OutboxRow.FromEntity(entity));
            }
            catch
            {
                _retry.TryAdd(instanceId, reminder);
                throw;
            }
            dispatched += await ClaimAndRunAsync(instanceId, rows, cancellationToken);
        }
        return dispatched;
    }

    /// <summary>
    /// One-time recovery per process (and on <see cref="RequestRecoveryScan"/>): a crash between commit
    /// and dispatch leaves outbox rows that no live process remembers. They are found with ONE range
    /// query over the Workflows table, RowKey in ['out-', 'out.'), across all partitions. That is a
    /// table scan on the service side, so the steady-state sweep never does it.
    /// </summary>
    private async Task<(int Dispatched, IReadOnlySet<string> Instances)> RecoverAsync(CancellationToken cancellationToken)
    {
        var remindedBefore = _retry.ToDictionary(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {OutboxRow.Prefix} and RowKey lt {OutboxRow.RangeEnd}");
        var byInstance = new Dictionary<string, List<OutboxRow>>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!byInstance.TryGetValue(entity.PartitionKey, out var rows)) byInstance[entity.PartitionKey] = rows = [];
            rows.Add(OutboxRow.FromEntity(entity));
        }
        // The scan has read every pending row, so reminders set before it are obsolete: instances
        // with rows are handled right here (what fails is remembered afresh), the others have none.
        // A reminder set since the scan started may concern a row it missed, so it stays.
        foreach (var reminder in remindedBefore) _retry.TryRemove(reminder);
        var dispatched = 0;
        foreach (var (instanceId, rows) in byInstance)
            dispatched += await ClaimAndRunAsync(instanceId, rows, cancellationToken);
        return (dispatched, byInstance.Keys.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Claims the rows nobody else may be running (ETag-guarded, so of two sweeps racing for a row
    /// exactly one wins), runs them, deletes the successes. Rows under another process's live lease
    /// are left to it and looked at again when the lease ends.
    /// </summary>
    private async Task<int> ClaimAndRunAsync(string instanceId, IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var done = new List<EffectKey>();
        var candidates = new List<OutboxRow>();
        foreach (var row in rows)
        {
            if (_doneNotDeleted.ContainsKey(row.Key))
                done.Add(row.Key);
            else if (row.ClaimedBy != OwnerId && row.ClaimedUntil > now)
                Remember(instanceId, row.ClaimedUntil.Value);
            else if (_inFlight.TryAdd(row.Key, 0))
                candidates.Add(row);
            // else: a task in this process is running it; it remembers the instance if it fails.
        }

        var expandedKeys = new List<EffectKey>();
        try
        {
            var claimed = await ClaimAsync(instanceId, candidates, now + _options.Lease, cancellationToken);
            if (claimed.Count == 0 && done.Count == 0) return 0;
            // A spill row is not run: it becomes ordinary rows (deleting itself) and those run.
            var runnable = claimed.Where(r => r.Effect.Kind != OutboxSpill.Kind).Select(r => (r.Workflow, r.Effect)).ToList();
            foreach (var spill in claimed.Where(r => r.Effect.Kind == OutboxSpill.Kind))
            {
                foreach (var effect in await ExpandAsync(spill.Workflow, instanceId, spill.Effect, cancellationToken))
                {
                    var key = new EffectKey(instanceId, effect.Id);
                    if (!_inFlight.TryAdd(key, 0)) continue;
                    expandedKeys.Add(key);
                    runnable.Add((spill.Workflow, effect));
                }
            }
            var byWorkflow = runnable.GroupBy(r => r.Workflow, StringComparer.Ordinal).ToList();
            var dispatched = 0;
            if (byWorkflow.Count == 0)
                dispatched += await RunAndDeleteAsync("", instanceId, [], done, cancellationToken);
            for (var i = 0; i < byWorkflow.Count; i++)
            {
                var effects = byWorkflow[i].Select(r => r.Effect).ToList();
                dispatched += await RunAndDeleteAsync(byWorkflow[i].Key, instanceId, effects, i == 0 ? done : [], cancellationToken);
            }
            return dispatched;
        }
        finally
        {
            Release(candidates.Select(r => r.Key).Concat(expandedKeys));
        }
    }

    private async Task<IReadOnlyList<OutboxRow>> ClaimAsync(
        string instanceId, IReadOnlyList<OutboxRow> candidates, DateTimeOffset leaseEnd, CancellationToken cancellationToken)
    {
        var claimed = new List<OutboxRow>();
        foreach (var chunk in candidates.Chunk(TableTransactionGuard.MaxOperations))
        {
            var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpdateMerge, OutboxRow.Claim(r, OwnerId, leaseEnd), r.ETag)).ToList();
            try
            {
                await TableBatches.SubmitAsync(_table, actions, cancellationToken);
                claimed.AddRange(chunk);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // Another sweep claimed or finished one of these rows since we read them: leave the
                // chunk alone now and read the partition again on the next sweep.
                Remember(instanceId, _time.GetUtcNow());
            }
        }
        return claimed;
    }
}
