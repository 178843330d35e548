using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Timers;

namespace AIWorkflows.Storage.Tests.Ledger;

/// <summary>Writes timers through the real handler; can be taken down, and tells when it has written.</summary>
public sealed class RecordingTimerHandler(TimerEffectHandler inner) : IBatchEffectHandler, IRepeatableEffectHandler
{
    public string Kind => inner.Kind;

    public bool CanRunBeforeCommit(PendingEffect effect, DateTimeOffset committedBy) => inner.CanRunBeforeCommit(effect, committedBy);

    /// <summary>When set, writes throw (the Timers table is unreachable).</summary>
    public bool Down { get; set; }

    /// <summary>Called once each write has succeeded.</summary>
    public Action<IReadOnlyList<PendingEffect>>? Written { get; set; }

    public Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken) =>
        HandleAllAsync(workflow, instanceId, [effect], cancellationToken);

    public async Task HandleAllAsync(string workflow, string instanceId, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken)
    {
        if (Down) throw new InvalidOperationException("timers table down");
        await inner.HandleAllAsync(workflow, instanceId, effects, cancellationToken);
        Written?.Invoke(effects);
    }
}
