namespace AIWorkflows.Storage.Effects;

public sealed class EffectDispatcherOptions
{
    /// <summary>
    /// How long a claim on an outbox row keeps other processes away. Longer than any handler run
    /// (a claim that lapses mid-run lets another process send again), short enough that a crashed
    /// process's effects are retried soon.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Told about each failed handler run, e.g. to log it. Must not throw.</summary>
    public Action<EffectFailure>? OnFailure { get; set; }
}
