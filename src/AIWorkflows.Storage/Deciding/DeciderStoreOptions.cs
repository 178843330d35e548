namespace AIWorkflows.Storage.Deciding;

public sealed class DeciderStoreOptions
{
    /// <summary>
    /// Attempts per command when other writers win the ETag race. Under contention each round lets
    /// at least one writer through; 60 with jittered backoff covers 50 writers on one instance.
    /// </summary>
    public int MaxAttempts { get; set; } = 60;

    /// <summary>Upper bound of the random wait after the first conflict; it doubles per attempt up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Keep each instance's last (state, ETag) in memory to skip the read before a write. Safe: a stale
    /// entry fails the ETag check and is re-read, and a decision with no events is confirmed on a fresh read.
    /// </summary>
    public bool CacheStates { get; set; } = true;

    /// <summary>Instances kept in the cache; it is emptied when this is exceeded.</summary>
    public int CacheCapacity { get; set; } = 10_000;
}
