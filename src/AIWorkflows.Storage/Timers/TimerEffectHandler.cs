using AIWorkflows.Storage.Effects;

namespace AIWorkflows.Storage.Timers;

/// <summary>
/// Runs "timer" effects: writes the timer rows, one transaction per due-hour partition for all the
/// timers of a commit. Idempotent: rows are upserted.
/// </summary>
public sealed class TimerEffectHandler(TimerStore timers, TimeProvider time) : IBatchEffectHandler
{
    public string Kind => TimerEffect.Kind;

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
