namespace AIWorkflows.Storage.Effects;

/// <summary>
/// Carries out effects of one <see cref="Kind"/> in a workflow step's activity, after the step's read
/// model is written. Activities run at least once, so it should be idempotent by <see cref="PendingEffect.Id"/>.
/// Throwing fails the activity, which the orchestration retries.
/// </summary>
public interface IEffectHandler
{
    string Kind { get; }

    /// <summary>
    /// False when running an effect again repeats it where nobody can drop the copy (a mail: SendGrid
    /// has no idempotency key). A step runs these after its other effects.
    /// </summary>
    bool IsIdempotent => true;

    Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken);
}
