namespace AIWorkflows.Storage.Effects;

/// <summary>
/// Carries out effects of one <see cref="Kind"/>. Runs after the commit, outside the transaction; may
/// be retried after a crash, so it should be idempotent by <see cref="PendingEffect.Id"/>. Throwing
/// leaves the effect pending for the next sweep.
/// </summary>
public interface IEffectHandler
{
    string Kind { get; }

    /// <summary>
    /// False when running an effect again repeats it where nobody can drop the copy (a mail: SendGrid
    /// has no idempotency key). The dispatcher runs these after the others of the same commit. Every
    /// <see cref="IRepeatableEffectHandler"/> (may run before its commit) is idempotent, not the reverse.
    /// </summary>
    bool IsIdempotent => true;

    Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that carries out several effects of its kind from one commit at once (timer rows: one
/// transaction per partition instead of one per timer). All or nothing: throwing leaves them all pending.
/// </summary>
public interface IBatchEffectHandler : IEffectHandler
{
    Task HandleAllAsync(string workflow, string instanceId, IReadOnlyList<PendingEffect> effects, CancellationToken cancellationToken);
}
