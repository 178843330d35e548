namespace AIWorkflows.Storage.Effects;

public sealed partial class EffectDispatcher
{
    /// <summary>
    /// Whether all <paramref name="effects"/> may run before their commit (each kind's handler is an
    /// <see cref="IRepeatableEffectHandler"/> that accepts it now). One that may not (a mail) sends the
    /// whole commit through the outbox as usual.
    /// </summary>
    internal bool CanRunBeforeCommit(IReadOnlyList<PendingEffect> effects)
    {
        // The lease is the bound the outbox already relies on: a commit still on its way is long done by then.
        var committedBy = _time.GetUtcNow() + _options.Lease;
        return effects.All(e => _handlers.GetValueOrDefault(e.Kind) is IRepeatableEffectHandler h && h.CanRunBeforeCommit(e, committedBy));
    }

    /// <summary>
    /// Runs effects that have no outbox row, before their commit; throws when any fails, so the commit
    /// is not made and the caller (itself an effect still in its own outbox) fails and is retried.
    /// Effects of one kind run together, as after a commit (a batch handler writes its timers at once).
    /// </summary>
    internal async Task RunBeforeCommitAsync(string workflow, string instanceId, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken)
    {
        await Task.WhenAll(effects.GroupBy(e => e.Kind, StringComparer.Ordinal).Select(kind =>
        {
            var handler = _handlers[kind.Key];
            var items = kind.ToList();
            return items.Count > 1 && handler is IBatchEffectHandler batch
                ? batch.HandleAllAsync(workflow, instanceId, items, cancellationToken)
                : Task.WhenAll(items.Select(e => handler.HandleAsync(workflow, instanceId, e, cancellationToken)));
        }));
    }
}
