namespace AIWorkflows.Storage.Effects;

/// <summary>
/// Carries out effects of one <see cref="Kind"/>. Runs after the commit, outside the transaction; may
/// be retried after a crash, so it should be idempotent by <see cref="PendingEffect.Id"/>. Throwing
/// leaves the effect pending for the next sweep.
/// </summary>
public interface IEffectHandler
{
    string Kind { get; }

    Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken);
}
