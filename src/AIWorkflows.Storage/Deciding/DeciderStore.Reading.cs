using AIWorkflows.Storage.Tables;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Deciding;

public sealed partial class DeciderStore<TCommand, TState, TEvent>
{
    /// <summary>The instance's state and version (and history when asked); null when it does not exist.</summary>
    public async Task<Snapshot<TState, TEvent>?> LoadAsync(string instanceId, bool includeEvents, CancellationToken cancellationToken)
    {
        TableKeys.Require(instanceId, "instance id");
        if (!includeEvents)
        {
            var current = await ReadAsync(instanceId, cancellationToken);
            return current.ETag is null ? null : new Snapshot<TState, TEvent>(instanceId, current.State, current.Version, []);
        }

        // One range query: 'evt-…' < 'out-…' < 'state', so the state row arrives last and every event up
        // to its version has been read by then (events are append-only and written with the state).
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {instanceId} and RowKey ge {WorkflowRows<TState, TEvent>.EventPrefix} and RowKey le {WorkflowRows<TState, TEvent>.StateRowKey}");
        var events = new List<StoredEvent<TEvent>>();
        LoadedState<TState>? state = null;
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey.StartsWith(WorkflowRows<TState, TEvent>.EventPrefix, StringComparison.Ordinal))
                events.Add(_rows.ReadEvent(entity));
            else if (entity.RowKey == WorkflowRows<TState, TEvent>.StateRowKey)
                state = _rows.ReadState(entity);
        }
        if (state is null) return null;
        _cache?.Set(instanceId, state);

        var history = events.Where(e => e.Seq <= state.Version).OrderBy(e => e.Seq).ToList();
        if (history.Count != state.Version || history.Where((e, i) => e.Seq != i + 1).Any())
            throw new InvalidOperationException($"Instance '{instanceId}' is at version {state.Version} but its stored history has {history.Count} events or gaps.");
        return new Snapshot<TState, TEvent>(instanceId, state.State, state.Version, history);
    }

    private async Task<(LoadedState<TState> Current, IReadOnlyList<TEvent> Events)> DecideAsync(
        string instanceId, TCommand command, bool useCache, CancellationToken cancellationToken)
    {
        if (useCache && _cache?.Get(instanceId) is { } cached)
        {
            IReadOnlyList<TEvent>? events = null;
            try
            {
                events = _decider.Decide(command, cached.State);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The cached state may be stale; only a fresh read can tell whether this is real.
            }
            // Writes from a stale cache fail their ETag check, but "nothing to do" writes nothing,
            // so it is only believed when decided on a fresh read.
            if (events is { Count: > 0 }) return (cached, events);
        }

        var current = await ReadAsync(instanceId, cancellationToken);
        return (current, _decider.Decide(command, current.State));
    }

    private async Task<LoadedState<TState>> ReadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, WorkflowRows<TState, TEvent>.StateRowKey, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is null)
            return new LoadedState<TState>(_decider.Initial, 0, null, FromCache: false);
        var state = _rows.ReadState(response.Value);
        _cache?.Set(instanceId, state);
        return state;
    }
}
