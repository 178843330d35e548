using AIWorkflows.Storage.Effects;

namespace AIWorkflows.Storage.Timers;

/// <summary>
/// Runs "timer" effects: writes the timer rows, one transaction per due-hour partition for all the
/// timers of a commit. Idempotent: rows are upserted (keyed by due time, instance and effect id).
/// </summary>
public sealed class TimerEffectHandler(TimerStore timers, TimeProvider time) : IBatchEffectHandler, IRepeatableEffectHandler
{
    public string Kind => TimerEffect.Kind;

    /// <summary>
    /// A timer may be written before its instance is committed unless it could fall due first: another
    /// process's sweep would deliver it to no instance, where it decides nothing, and delete it.
    /// </summary>
    public bool CanRunBeforeCommit(PendingEffect effect, DateTimeOffset committedBy) => TimerEffect.Read(effect).DueAt > committedBy;

    public Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken) =>
        HandleAllAsync(workflow, instanceId, [effect], cancellationToken);

    public async Task HandleAllAsync(string workflow, string instanceId, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var scheduled = effects.Select(effect =>
        {
            var payload = TimerEffect.Read(effect);
            return new ScheduledTimer(payload.Workflow, payload.InstanceId, effect.Id, payload.DueAt, payload.Command);
        }).ToList();
        await timers.ScheduleManyAsync(scheduled, time.GetUtcNow(), cancellationToken);
    }
}
