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
        if (_cache is not null && events.Count == state.Version) _history.Set(instanceId, state.Version, [.. events.OrderBy(e => e.Seq)]);

        var history = events.Where(e => e.Seq <= state.Version).OrderBy(e => e.Seq).ToList();
        if (history.Count != state.Version || history.Where((e, i) => e.Seq != i + 1).Any())
            throw new InvalidOperationException($"Instance '{instanceId}' is at version {state.Version} but its stored history has {history.Count} events or gaps.");
        return new Snapshot<TState, TEvent>(instanceId, state.State, state.Version, history);
    }

    /// <summary>
    /// The state as this process last committed or read it, else as stored. For work that follows a
    /// commit of this process (an effect run right after it): it saves the read, and a later commit by
    /// another process, which this may miss, runs its own effects after it.
    /// </summary>
    public async Task<Snapshot<TState, TEvent>?> LoadKnownAsync(string instanceId, bool includeEvents, CancellationToken cancellationToken)
    {
        TableKeys.Require(instanceId, "instance id");
        // An effect run before its commit (HandleNewInEffectAsync) sees the state being committed.
        if (_committing.Value is { } committing && committing.InstanceId == instanceId)
            return includeEvents ? committing : committing with { Events = [] };
        if (includeEvents)
        {
            return _cache?.Get(instanceId) is { } state && _history.Get(instanceId, state.Version) is { } events
                ? new Snapshot<TState, TEvent>(instanceId, state.State, state.Version, events)
                : await LoadAsync(instanceId, includeEvents: true, cancellationToken);
        }
        var known = _cache?.Get(instanceId) ?? await ReadAsync(instanceId, cancellationToken);
        return known.ETag is null ? null : new Snapshot<TState, TEvent>(instanceId, known.State, known.Version, []);
    }

    private async Task<(LoadedState<TState> Current, IReadOnlyList<TEvent> Events)> DecideAsync(
        string instanceId, TCommand command, Start start, CancellationToken cancellationToken)
    {
        var cachedEntry = start == Start.Fresh ? null : _cache?.Get(instanceId);
        if (start == Start.JustRead && cachedEntry is { } justRead)
            return (justRead, _decider.Decide(command, justRead.State));
        if (start == Start.New && cachedEntry is null)
        {
            var initial = new LoadedState<TState>(_decider.Initial, 0, null, FromCache: false);
            IReadOnlyList<TEvent>? events = null;
            try
            {
                events = _decider.Decide(command, initial.State);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Decided again on a fresh read below, which tells whether this is real.
            }
            // An add that finds the row fails and is re-decided; "nothing to do" needs a read to be believed.
            if (events is { Count: > 0 }) return (initial, events);
        }
        if (cachedEntry is { } cached)
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
            // so it is only believed when decided on a fresh read, or on a final state: the cache holds
            // only committed states, and a final one is what the store still holds (e.g. a stale timer
            // of a decided approval costs no read).
            if (events is { Count: > 0 } || (events is not null && _decider.IsFinal(cached.State))) return (cached, events);
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
