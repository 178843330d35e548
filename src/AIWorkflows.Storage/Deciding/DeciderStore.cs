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
    private readonly InstanceLocks _locks = new();
    private readonly HistoryCache<TEvent> _history = new(1_000);

    // The instance an effects-first commit is about to add: LoadKnownAsync shows it to the effects that
    // run before the commit (they flow from that call) and to no one else.
    private readonly AsyncLocal<Snapshot<TState, TEvent>?> _committing = new();

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
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
        _table = clients.Table(StorageTables.Workflows);
        _rows = new WorkflowRows<TState, TEvent>(workflow, json);
        _cache = _options.CacheStates ? new StateCache<TState>(_options.CacheCapacity) : null;
    }

    public string Workflow { get; }

    public Task<Decision<TState, TEvent>> HandleAsync(string instanceId, TCommand command, CancellationToken cancellationToken) =>
        HandleAsync(instanceId, command, Start.Cached, cancellationToken);

    /// <summary>
    /// For an instance the caller has just made up (a random id) or knows to be new (its record blobs
    /// were just created): the first attempt skips the read and adds the state row. If the instance
    /// exists after all, the add fails and the command is decided on a fresh read as usual.
    /// </summary>
    public Task<Decision<TState, TEvent>> HandleNewAsync(string instanceId, TCommand command, CancellationToken cancellationToken) =>
        HandleAsync(instanceId, command, Start.New, cancellationToken);

    /// <summary>
    /// <see cref="HandleNewAsync"/> for a caller that is itself an effect still covered by its own outbox
    /// row (a record an approval keeps, the tool it registers). When the commit adds the instance and every
    /// effect it causes may run first (<see cref="IRepeatableEffectHandler"/>), the effects run BEFORE the
    /// commit, under the instance's lock, and the commit carries no outbox rows: no transaction to delete
    /// them afterwards. An effect that fails throws, and nothing is committed; a crash before the commit
    /// leaves the caller's row pending, so the sweep runs the caller, and this, again. Anything else (an
    /// update, a mail) commits through the outbox as usual. Not for a caller outside an effect: nothing
    /// would run it again.
    /// </summary>
    public Task<Decision<TState, TEvent>> HandleNewInEffectAsync(string instanceId, TCommand command, CancellationToken cancellationToken) =>
        HandleAsync(instanceId, command, Start.New, cancellationToken, effectsFirst: true);

    private async Task<Decision<TState, TEvent>> HandleAsync(
        string instanceId, TCommand command, Start start, CancellationToken cancellationToken, bool effectsFirst = false)
    {
        TableKeys.Require(instanceId, "instance id");
        Decision<TState, TEvent> decision;
        OutboxReservation? committedEffects;
        using (await _locks.AcquireAsync(instanceId, cancellationToken))
            (decision, committedEffects) = await CommitAsync(instanceId, command, start, effectsFirst, cancellationToken);
        // Outside the lock: the next command on this instance need not wait for mail to be sent.
        // Not the caller's token: a mail cancelled after SendGrid took it (the client gave up on its
        // request) would count as failed and be sent again; committed effects run to completion.
        if (committedEffects is not null)
            await _dispatcher.DispatchCommittedAsync(Workflow, committedEffects, CancellationToken.None);
        return decision;
    }

    private async Task<(Decision<TState, TEvent>, OutboxReservation?)> CommitAsync(
        string instanceId, TCommand command, Start start, bool effectsFirst, CancellationToken cancellationToken)
    {
        RequestFailedException? conflict = null;
        ETag? conflictedOn = null;
        for (var attempt = 1; ; attempt++)
        {
            var (current, events) = await DecideAsync(instanceId, command, attempt == 1 ? start : Start.Fresh, cancellationToken);
            // A refused commit against a state that has not moved is no race (e.g. a duplicate effect
            // id): retrying would fail the same way.
            if (conflict is not null && current.ETag == conflictedOn)
                throw new InvalidOperationException($"The commit for instance '{instanceId}' was refused although its state did not change.", conflict);
            if (events.Count == 0)
                return (new Decision<TState, TEvent>(instanceId, current.State, current.State, current.Version, []), null);

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

            OutboxReservation? reservation = null;
            if (effectsFirst && current.ETag is null && _dispatcher.CanRunBeforeCommit(effects))
            {
                // Effects first: a failure throws before anything is committed (see HandleNewInEffectAsync).
                _committing.Value = new Snapshot<TState, TEvent>(instanceId, after, version, stored);
                try
                {
                    await _dispatcher.RunBeforeCommitAsync(Workflow, instanceId, effects, cancellationToken);
                }
                finally
                {
                    _committing.Value = null;
                }
            }
            else if (!_dispatcher.TryReserve(instanceId, effects, TableTransactionGuard.MaxOperations - actions.Count, out reservation))
            {
                // Another store of this process is committing the same version; one of us will lose.
                _cache?.Evict(instanceId);
                (conflict, conflictedOn) = (null, null);
                await BackoffAsync(instanceId, attempt, null, cancellationToken);
                continue;
            }

            IReadOnlyList<Response> responses;
            try
            {
                if (reservation is not null)
                    actions.AddRange(reservation.Rows(Workflow).Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)));
                responses = await TableBatches.SubmitAsync(_table, actions, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // 412: someone updated the state row since we read it; 409: someone created it first (effects
                // already run first were for an instance that existed: see IRepeatableEffectHandler).
                reservation?.Dispose();
                _cache?.Evict(instanceId);
                (conflict, conflictedOn) = (e, current.ETag);
                await BackoffAsync(instanceId, attempt, e, cancellationToken);
                continue;
            }
            catch (Exception e) when (e is not (RequestFailedException { Status: >= 400 and < 500 } or TableLimitException))
            {
                // No answer, or a server error: the transaction may still have been applied (with outbox
                // rows only this process knows of; an effects-first commit has none, its caller is retried).
                reservation?.Dispose();
                _cache?.Evict(instanceId);
                if (reservation is not null) _dispatcher.RememberUncertainCommit(instanceId);
                throw;
            }
            catch
            {
                reservation?.Dispose();
                throw;
            }

            if (responses.Count > 0 && responses[0].Headers.ETag is { } newETag)
            {
                _cache?.Set(instanceId, new LoadedState<TState>(after, version, newETag, FromCache: false));
                _history.Append(instanceId, current.Version, stored);
            }
            else
            {
                _cache?.Evict(instanceId);
            }
            return (new Decision<TState, TEvent>(instanceId, current.State, after, version, stored), reservation);
        }
    }

    /// <summary>Delivers a due timer: the command JSON it was set with, decided like any command.</summary>
    public async Task DeliverAsync(string instanceId, string commandJson, CancellationToken cancellationToken) =>
        await HandleAsync(instanceId, Command(instanceId, commandJson), cancellationToken);

    /// <summary>A command for an instance the sender believes is new (e.g. the tool an approval registers).</summary>
    public async Task DeliverNewAsync(string instanceId, string commandJson, CancellationToken cancellationToken) =>
        await HandleNewAsync(instanceId, Command(instanceId, commandJson), cancellationToken);

    /// <summary>The same, sent by an effect handler still covered by its own outbox row (see <see cref="HandleNewInEffectAsync"/>).</summary>
    public async Task DeliverNewInEffectAsync(string instanceId, string commandJson, CancellationToken cancellationToken) =>
        await HandleNewInEffectAsync(instanceId, Command(instanceId, commandJson), cancellationToken);

    /// <summary>
    /// Delivers several due timers of one instance in order. The first is decided on a fresh read (or
    /// commits); the rest are decided on the state that read or commit left in memory a moment ago,
    /// which is as fresh as a second read would be, so N stale timers of one instance cost one read.
    /// </summary>
    public async Task<IReadOnlyList<Exception?>> DeliverAllAsync(string instanceId, IReadOnlyList<string> commandJsons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandJsons);
        var outcomes = new Exception?[commandJsons.Count];
        var fresh = false;
        for (var i = 0; i < commandJsons.Count; i++)
        {
            try
            {
                await HandleAsync(instanceId, Command(instanceId, commandJsons[i]), fresh ? Start.JustRead : Start.Cached, cancellationToken);
                fresh = true;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                outcomes[i] = e;
                fresh = false;
            }
        }
        return outcomes;
    }

    private TCommand Command(string instanceId, string commandJson) =>
        JsonSerializer.Deserialize<TCommand>(commandJson, _json)
            ?? throw new InvalidOperationException($"Timer for '{instanceId}' carries no {typeof(TCommand).Name}.");

    /// <summary>What the first attempt of a command starts from.</summary>
    private enum Start
    {
        /// <summary>The cached state if any; a decision with no events is confirmed on a fresh read.</summary>
        Cached,

        /// <summary>The cached state, believed even when it decides nothing: this call's read or commit just put it there.</summary>
        JustRead,

        /// <summary>The initial state, without a read: the caller knows the instance is new.</summary>
        New,

        /// <summary>A fresh read.</summary>
        Fresh,
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

    private async Task BackoffAsync(string instanceId, int attempt, Exception? conflict, CancellationToken cancellationToken)
    {
        if (attempt >= _options.MaxAttempts)
            throw conflict is null
                ? new DeciderConflictException($"Instance '{instanceId}' stayed contended for {attempt} attempts.")
                : new DeciderConflictException($"Instance '{instanceId}' stayed contended for {attempt} attempts.", conflict);
        var cap = Math.Min(_options.MaxBackoff.TotalMilliseconds, _options.FirstBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 16)));
        // Full jitter: writers that collided spread out instead of colliding again in step. Real time,
        // not the injected clock: this waits out other writers, it is not business time.
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * cap), cancellationToken);
    }
}
