using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using AIWorkflows.Storage.Tables;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Effects;

/// <summary>
/// Runs the effects a commit wrote to the outbox, then deletes the done rows in one transaction.
/// A failed effect stays pending and its instance is remembered, so <see cref="SweepAsync"/> retries
/// it without scanning. One per process (singleton): its in-flight set and claim owner id are what
/// keep an effect from running twice at once.
/// </summary>
public sealed partial class EffectDispatcher
{
    private readonly TableClient _table;
    private readonly Dictionary<string, IEffectHandler> _handlers;
    private readonly TimeProvider _time;
    private readonly EffectDispatcherOptions _options;

    // Effects a task in this process is running (or about to commit); nobody else here may start them.
    private readonly ConcurrentDictionary<EffectKey, byte> _inFlight = new();

    // Effects whose handler succeeded but whose row could not be deleted: delete, never run again.
    private readonly ConcurrentDictionary<EffectKey, byte> _doneNotDeleted = new();

    // Instances with pending rows to retry, and the earliest time worth looking (another owner's lease end).
    // The stamp makes each reminder distinct, so a sweep removes only the reminder it looked at.
    private readonly ConcurrentDictionary<string, Reminder> _retry = new(StringComparer.Ordinal);
    private long _stamp;

    // Consecutive failed runs per instance, to space out retries of an effect that keeps failing.
    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    public EffectDispatcher(StorageClients clients, IEnumerable<IEffectHandler> handlers, TimeProvider time, EffectDispatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(handlers);
        _table = clients.Table(StorageTables.Workflows);
        _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? new EffectDispatcherOptions();
    }

    /// <summary>Marks this process's claims on outbox rows.</summary>
    public string OwnerId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Instances with effects waiting for a retry.</summary>
    public int PendingInstances => _retry.Count;

    public bool Handles(string kind) => _handlers.ContainsKey(kind);

    /// <summary>
    /// Holds the effects' keys in the in-flight set before their rows are committed. Fails when a
    /// key is held already: another command of this process decided on the same version and is
    /// committing the same effect ids, so at most one of the two can win; the loser re-decides.
    /// </summary>
    /// <param name="room">Operations left in the commit's transaction; more effects than that are spilled into one row.</param>
    internal bool TryReserve(string instanceId, IReadOnlyList<PendingEffect> effects, int room, [NotNullWhen(true)] out OutboxReservation? reservation)
    {
        var spill = effects.Count > 0 && effects.Count > room ? OutboxSpill.Wrap(effects) : null;
        var reserved = new List<EffectKey>();
        foreach (var effect in spill is null ? effects : effects.Append(spill))
        {
            var key = new EffectKey(instanceId, effect.Id);
            if (!_inFlight.TryAdd(key, 0))
            {
                Release(reserved);
                reservation = null;
                return false;
            }
            reserved.Add(key);
        }
        reservation = new OutboxReservation(this, instanceId, effects, spill, OwnerId, _time.GetUtcNow() + _options.Lease);
        return true;
    }

    /// <summary>
    /// A commit failed without a definite answer (timeout, lost connection): it may have been stored,
    /// with outbox rows that only this process knows of. The sweep looks once the claim has run out,
    /// when a transaction still on its way would long have landed.
    /// </summary>
    internal void RememberUncertainCommit(string instanceId) => Remember(instanceId, _time.GetUtcNow() + _options.Lease);

    internal void Release(IEnumerable<EffectKey> keys)
    {
        foreach (var key in keys) _inFlight.TryRemove(key, out _);
    }

    /// <summary>Runs the effects just committed under <paramref name="reservation"/>; never throws for a handler's failure.</summary>
    internal async Task<int> DispatchCommittedAsync(string workflow, OutboxReservation reservation, CancellationToken cancellationToken)
    {
        using (reservation)
        {
            // Only effects whose rows exist may run: one still in the spill row would be expanded and run again later.
            var effects = reservation.Spill is { } spill
                ? await ExpandAsync(workflow, reservation.InstanceId, spill, cancellationToken)
                : reservation.Effects;
            return await RunAndDeleteAsync(workflow, reservation.InstanceId, effects, [], cancellationToken);
        }
    }

    /// <summary>
    /// Runs the handlers (mail last), deletes the rows of those that succeeded (plus <paramref name="alreadyDone"/>)
    /// in one transaction, and remembers the instance when anything is left. The caller holds the keys.
    /// </summary>
    private async Task<int> RunAndDeleteAsync(
        string workflow, string instanceId, IReadOnlyList<PendingEffect> effects, IReadOnlyList<EffectKey> alreadyDone, CancellationToken cancellationToken)
    {
        var outcomes = new bool[effects.Count];
        // A row is deleted only with the others of its commit, once all are done, and a mail SendGrid
        // accepted is sent again if the process dies before that delete. So the idempotent effects
        // (blobs, timers, projections) run first and the others (mail) after them: a crash before the
        // mail costs a harmless re-run, and the mail waits for its delete only on the other mails, not
        // on the slowest blob write. Still one delete for all: a delete per mail would cost a storage
        // transaction each. A failure in the first group still lets the mail run and its row go.
        var repeatable = effects.Select((e, i) => (Effect: e, Index: i))
            .ToLookup(x => _handlers.GetValueOrDefault(x.Effect.Kind)?.IsIdempotent != false);
        await RunGroupAsync(workflow, instanceId, [.. repeatable[true]], outcomes, cancellationToken);
        await RunGroupAsync(workflow, instanceId, [.. repeatable[false]], outcomes, cancellationToken);
        var succeeded = effects.Where((_, i) => outcomes[i]).Select(e => new EffectKey(instanceId, e.Id)).ToList();
        var toDelete = succeeded.Concat(alreadyDone).ToList();
        if (toDelete.Count > 0)
        {
            try
            {
                // Not the caller's token: once a handler has succeeded, leaving its row behind is what
                // would make it run again, so the delete is not abandoned with the request.
                await TableBatches.DeleteManyAsync(_table, toDelete.Select(k => (k.InstanceId, OutboxRow.RowKeyOf(k.EffectId))), CancellationToken.None);
                foreach (var key in alreadyDone) _doneNotDeleted.TryRemove(key, out _);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                // Any failure, a timeout too (the delete may even have happened): a row left behind for the
                // sweep to find would run a second time, so it is only ever deleted from now on.
                foreach (var key in toDelete) _doneNotDeleted.TryAdd(key, 0);
                Remember(instanceId, _time.GetUtcNow());
            }
        }
        if (outcomes.Any(ok => !ok))
            Remember(instanceId, _time.GetUtcNow() + RetryDelay(_failures.AddOrUpdate(instanceId, 1, (_, n) => n + 1)));
        else if (effects.Count > 0)
            _failures.TryRemove(instanceId, out _);
        return succeeded.Count;
    }

    /// <summary>Runs the effects at once, each kind with a batch handler in one call; records each outcome.</summary>
    private async Task RunGroupAsync(
        string workflow, string instanceId, IReadOnlyList<(PendingEffect Effect, int Index)> group, bool[] outcomes, CancellationToken cancellationToken)
    {
        await Task.WhenAll(group.GroupBy(x => x.Effect.Kind, StringComparer.Ordinal).Select(async kind =>
        {
            var items = kind.ToList();
            if (items.Count > 1 && _handlers.GetValueOrDefault(kind.Key) is IBatchEffectHandler batch)
            {
                var ok = await RunAllAsync(batch, workflow, instanceId, [.. items.Select(x => x.Effect)], cancellationToken);
                foreach (var x in items) outcomes[x.Index] = ok;
            }
            else
            {
                await Task.WhenAll(items.Select(async x => outcomes[x.Index] = await RunOneAsync(workflow, instanceId, x.Effect, cancellationToken)));
            }
        }));
    }

    private async Task<bool> RunOneAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        try
        {
            if (!_handlers.TryGetValue(effect.Kind, out var handler))
                throw new InvalidOperationException($"No effect handler is registered for kind '{effect.Kind}'.");
            await handler.HandleAsync(workflow, instanceId, effect, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // A handler's failure (or cancellation) must not fail the command that was already
            // committed: the row stays pending and the sweep retries it.
            _options.OnFailure?.Invoke(new EffectFailure(workflow, instanceId, effect, error));
            return false;
        }
    }

    private async Task<bool> RunAllAsync(IBatchEffectHandler handler, string workflow, string instanceId, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAllAsync(workflow, instanceId, effects, cancellationToken);
            return true;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            foreach (var effect in effects) _options.OnFailure?.Invoke(new EffectFailure(workflow, instanceId, effect, error));
            return false;
        }
    }

    /// <summary>
    /// The first retry is the next sweep; an effect that keeps failing (mail server down, a bug) is
    /// then retried after 1, 2, 4 … minutes, at most hourly, so it does not cost transactions every sweep.
    /// </summary>
    private static TimeSpan RetryDelay(int failures) =>
        failures <= 1 ? TimeSpan.Zero : TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Min(failures - 2, 6))));

    // The latest word wins: a failure just now pushes the retry out even if an earlier one was due.
    private void Remember(string instanceId, DateTimeOffset notBefore) =>
        _retry[instanceId] = new Reminder(notBefore, Interlocked.Increment(ref _stamp));

    private readonly record struct Reminder(DateTimeOffset NotBefore, long Stamp);
}
