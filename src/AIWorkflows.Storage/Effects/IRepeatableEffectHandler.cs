namespace AIWorkflows.Storage.Effects;

/// <summary>
/// A handler whose effects may also run BEFORE their commit, when an instance is added from inside
/// another instance's effect (<c>DeciderStore.HandleNewInEffectAsync</c>): the caller's outbox row, not
/// one of the new instance's, is then what makes them happen after a crash. So they must be idempotent
/// (any number of runs, concurrent ones too, end the same), and harmless when their commit never lands
/// or loses to an instance that existed after all: a timer carries what it was set for (a stale one
/// decides nothing); a projection never replaces a newer row. Never a mail: it cannot be taken back.
/// A handler that reads the instance does so through <c>LoadKnownAsync</c>, which shows it the state
/// being committed; it sends the instance no command (the instance's lock is held while it runs).
/// </summary>
public interface IRepeatableEffectHandler : IEffectHandler
{
    /// <summary>
    /// Whether <paramref name="effect"/> may run before its commit, which lands (or fails) before
    /// <paramref name="committedBy"/>. E.g. a timer due sooner could be swept by another process
    /// before its instance exists, decide nothing there and be gone.
    /// </summary>
    bool CanRunBeforeCommit(PendingEffect effect, DateTimeOffset committedBy) => true;
}
