namespace AIWorkflows.App.Development;

/// <summary>
/// The app's clock in Development: real time plus an offset that only moves forward, so a
/// developer can jump to the day a reminder or re-assessment falls due without waiting for it.
/// Application code depends on <see cref="TimeProvider"/>, never on this type (tests swap in a
/// fake clock); only the dev clock endpoint knows it exists.
/// </summary>
public sealed class DevClock(TimeProvider inner) : TimeProvider
{
    private long _offsetTicks;

    public DevClock() : this(System) { }

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    // Timestamps measure elapsed time (timeouts, metrics); they must not jump with the offset.
    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the clock forward and answers the new now.</summary>
    /// <remarks>Never backwards: deciders and timers assume time does not run in reverse.</remarks>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}
