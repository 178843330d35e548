using AIWorkflows.Storage.Tables;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Effects;

public sealed partial class EffectDispatcher
{
    /// <summary>
    /// Turns what is left of a spill row into ordinary outbox rows claimed by this process and
    /// returns the effects it added (the caller runs them). Stops at the first refusal or failure:
    /// the rest stays in the spill row for the sweep, and nothing it added is ever added again.
    /// </summary>
    private async Task<IReadOnlyList<PendingEffect>> ExpandAsync(string workflow, string instanceId, PendingEffect spill, CancellationToken cancellationToken)
    {
        var added = new List<PendingEffect>();
        var rowKey = OutboxRow.RowKeyOf(spill.Id);
        try
        {
            var read = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, rowKey, cancellationToken: cancellationToken);
            if (!read.HasValue || read.Value is null) return added; // another process finished it
            var row = OutboxRow.FromEntity(read.Value);
            var effects = OutboxSpill.Unwrap(row.Effect);
            var done = read.Value.GetInt32(OutboxSpill.ExpandedProperty) ?? 0;
            var etag = row.ETag;
            var leaseEnd = _time.GetUtcNow() + _options.Lease;
            while (done < effects.Count)
            {
                var chunk = effects.Skip(done).Take(TableTransactionGuard.MaxOperations - 1).ToList();
                var last = done + chunk.Count == effects.Count;
                var actions = chunk
                    .Select(e => new TableTransactionAction(TableTransactionActionType.Add, OutboxRow.ToEntity(workflow, instanceId, e, OwnerId, leaseEnd)))
                    .ToList();
                var progress = new TableEntity(instanceId, rowKey) { [OutboxSpill.ExpandedProperty] = done + chunk.Count };
                actions.Add(new TableTransactionAction(last ? TableTransactionActionType.Delete : TableTransactionActionType.UpdateMerge, progress, etag));
                // Not the caller's token, as with deletes: a chunk half-abandoned is still all-or-nothing, but why risk it.
                var responses = await TableBatches.SubmitAsync(_table, actions, CancellationToken.None);
                added.AddRange(chunk);
                done += chunk.Count;
                if (!last)
                    etag = responses[^1].Headers.ETag
                        ?? (await _table.GetEntityAsync<TableEntity>(instanceId, rowKey, cancellationToken: CancellationToken.None)).Value.ETag;
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // 412/404: another process expands it (its lease lapsed); anything else: storage trouble.
            // Either way what was added runs now and the rest is looked at again by the sweep.
            _options.OnFailure?.Invoke(new EffectFailure(workflow, instanceId, spill, error));
            Remember(instanceId, _time.GetUtcNow());
        }
        return added;
    }
}
