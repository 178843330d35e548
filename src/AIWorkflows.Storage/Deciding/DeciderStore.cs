using System.Text.Json;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Tables;
using AIWorkflows.Storage.Timers;
using Azure;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Deciding;

/// <summary>
/// Persists any decider in the Workflows table, one partition per instance. A command is read →
/// decide → evolve → ONE entity-group transaction (state row guarded by its ETag, event rows, outbox
/// rows); a lost race re-reads and re-decides. After the commit the effects go to the dispatcher.
/// Register one per workflow as a singleton; it is also that workflow's <see cref="ITimerTarget"/>.
/// </summary>
public sealed partial class DeciderStore<TCommand, TState, TEvent> : ITimerTarget
{
    private readonly IDecider<TCommand, TState, TEvent> _decider;
    private readonly EffectsOf<TState, TEvent> _effectsOf;
    private readonly EffectDispatcher _dispatcher;
    private readonly JsonSerializerOptions _json;
    private readonly TimeProvider _time;
    private readonly DeciderStoreOptions _options;
    private readonly TableClient _table;
    private readonly WorkflowRows<TState, TEvent> _rows;
    private readonly StateCache<TState>? _cache;

    public DeciderStore(
        string workflow,
        IDecider<TCommand, TState, TEvent> decider,
        EffectsOf<TState, TEvent> effectsOf,
        StorageClients clients,
        EffectDispatcher dispatcher,
        JsonSerializerOptions json,
        TimeProvider time,
        DeciderStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow);
        ArgumentNullException.ThrowIfNull(clients);
        Workflow = workflow;
        _decider = decider ?? throw new ArgumentNullException(nameof(decider));
        _effectsOf = effectsOf ?? throw new ArgumentNullException(nameof(effectsOf));
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _json = json ?? throw new ArgumentNullException(nameof(json));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? new DeciderStoreOptions();
        _table = clients.Table(StorageTables.Workflows);
        _rows = new WorkflowRows<TState, TEvent>(workflow, json);
        _cache = _options.CacheStates ? new StateCache<TState>(_options.CacheCapacity) : null;
    }

    public string Workflow { get; }

    public async Task<Decision<TState, TEvent>> HandleAsync(string instanceId, TCommand command, CancellationToken cancellationToken)
    {
        TableKeys.Require(instanceId, "instance id");
        RequestFailedException? conflict = null;
        ETag? conflictedOn = null;
        for (var attempt = 1; ; attempt++)
        {
            var (current, events) = await DecideAsync(instanceId, command, useCache: attempt == 1, cancellationToken);
            // A refused commit against a state that has not moved is no race (e.g. a duplicate effect
            // id): retrying would fail the same way.
            if (conflict is not null && current.ETag == conflictedOn)
                throw new InvalidOperationException($"The commit for instance '{instanceId}' was refused although its state did not change.", conflict);
            if (events.Count == 0)
                return new Decision<TState, TEvent>(instanceId, current.State, current.State, current.Version, []);

            var now = _time.GetUtcNow();
            var stored = events.Select((e, i) => new StoredEvent<TEvent>(current.Version + 1 + i, now, e)).ToList();
            var after = _decider.Fold(current.State, events);
            var version = current.Version + events.Count;
            var effects = CheckedEffects(instanceId, current.State, after, stored);

            var stateRow = _rows.StateEntity(instanceId, after, version, now);
            var actions = new List<TableTransactionAction>
            {
                current.ETag is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateRow, etag)
                    : new TableTransactionAction(TableTransactionActionType.Add, stateRow),
            };
            actions.AddRange(stored.Select(e => new TableTransactionAction(TableTransactionActionType.Add, _rows.EventEntity(instanceId, e))));

            using var reservation = _dispatcher.Reserve(instanceId, effects);
            actions.AddRange(reservation.Rows(Workflow).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
            IReadOnlyList<Response> responses;
            try
            {
                responses = await TableBatches.SubmitAsync(_table, actions, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // 412: someone updated the state row since we read it; 409: someone created it first.
                _cache?.Evict(instanceId);
                (conflict, conflictedOn) = (e, current.ETag);
                if (attempt >= _options.MaxAttempts)
                    throw new DeciderConflictException($"Instance '{instanceId}' stayed contended for {attempt} attempts.", e);
                await Task.Delay(Backoff(attempt), cancellationToken);
                continue;
            }

            if (responses.Count > 0 && responses[0].Headers.ETag is { } newETag)
                _cache?.Set(instanceId, new LoadedState<TState>(after, version, newETag, FromCache: false));
            else
                _cache?.Evict(instanceId);
            await _dispatcher.DispatchCommittedAsync(Workflow, reservation, cancellationToken);
            return new Decision<TState, TEvent>(instanceId, current.State, after, version, stored);
        }
    }

    /// <summary>Delivers a due timer: the command JSON it was set with, decided like any command.</summary>
    public async Task DeliverAsync(string instanceId, string commandJson, CancellationToken cancellationToken)
    {
        var command = JsonSerializer.Deserialize<TCommand>(commandJson, _json)
            ?? throw new InvalidOperationException($"Timer for '{instanceId}' carries no {typeof(TCommand).Name}.");
        await HandleAsync(instanceId, command, cancellationToken);
    }

    private List<PendingEffect> CheckedEffects(string instanceId, TState before, TState after, IReadOnlyList<StoredEvent<TEvent>> stored)
    {
        var effects = _effectsOf(instanceId, before, after, stored).ToList();
        foreach (var effect in effects)
        {
            TableKeys.Require(OutboxRow.RowKeyOf(effect.Id), "effect id");
            // Caught here, not by a sweep that retries forever: an effect nobody can run is a wiring bug.
            if (!_dispatcher.Handles(effect.Kind))
                throw new InvalidOperationException($"Workflow '{Workflow}' emits effect kind '{effect.Kind}' but no handler is registered for it.");
        }
        return effects;
    }

    private TimeSpan Backoff(int attempt)
    {
        var cap = Math.Min(_options.MaxBackoff.TotalMilliseconds, _options.FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16)));
        // Full jitter: writers that collided spread out instead of colliding again in step.
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap);
    }
}
