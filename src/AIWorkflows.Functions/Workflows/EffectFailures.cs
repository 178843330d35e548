using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// The outbox's settings: <c>Outbox:Lease</c> (how long a process's claim on an effect keeps others
/// away; default 5 minutes, so a crashed process's mail waits that long before another sends it),
/// and a warning in the log for each failed effect run: it stays pending and the sweep retries it.
/// </summary>
public static partial class EffectFailures
{
    public static EffectDispatcherOptions Options(IConfiguration config, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(loggers);
        var log = loggers.CreateLogger("AIWorkflows.Outbox");
        var options = new EffectDispatcherOptions
        {
            // The effect id, never its payload: a mail's payload holds a signed task link.
            OnFailure = f => Failed(log, f.Workflow, f.InstanceId, f.Effect.Id, f.Error.GetType().Name),
        };
        if (config.GetValue<TimeSpan?>("Outbox:Lease") is { } lease && lease > TimeSpan.Zero) options.Lease = lease;
        return options;
    }

    [LoggerMessage(LogLevel.Warning, "Effect {EffectId} of {Workflow} {InstanceId} failed ({Error}); the sweep retries it")]
    private static partial void Failed(ILogger logger, string workflow, string instanceId, string effectId, string error);
}
