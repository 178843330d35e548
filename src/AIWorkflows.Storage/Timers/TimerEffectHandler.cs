using AIWorkflows.Storage.Effects;

namespace AIWorkflows.Storage.Timers;

/// <summary>Runs "timer" effects: writes the timer row (one transaction). Idempotent: the row is upserted.</summary>
public sealed class TimerEffectHandler(TimerStore timers, TimeProvider time) : IEffectHandler
{
    public string Kind => TimerEffect.Kind;

    public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        var payload = TimerEffect.Read(effect);
        var timer = new ScheduledTimer(payload.Workflow, payload.InstanceId, effect.Id, payload.DueAt, payload.Command);
        await timers.ScheduleAsync(timer, time.GetUtcNow(), cancellationToken);
    }
}
