namespace AIWorkflows.Storage.Timers;

public sealed class TimerSweepOptions
{
    /// <summary>
    /// An hour counts as fully processed only this long after it ended, so a timer written by a
    /// process whose clock lags slightly behind (into the hour just ended) is still swept.
    /// </summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Timers delivered at once; each delivery is a command on its instance.</summary>
    public int MaxParallelDeliveries { get; set; } = 8;

    /// <summary>Told about each failed delivery, e.g. to log it. Must not throw.</summary>
    public Action<ScheduledTimer, Exception>? OnFailure { get; set; }
}
