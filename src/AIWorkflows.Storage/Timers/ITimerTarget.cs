namespace AIWorkflows.Storage.Timers;

/// <summary>
/// Receives the due timers of one <see cref="Workflow"/>: the command JSON the timer was set with.
/// Every <c>DeciderStore</c> is one; a stale timer simply decides nothing there.
/// </summary>
public interface ITimerTarget
{
    string Workflow { get; }

    Task DeliverAsync(string instanceId, string commandJson, CancellationToken cancellationToken);

    /// <summary>A command for an instance the sender believes is new (no read before the add); the default just delivers it.</summary>
    Task DeliverNewAsync(string instanceId, string commandJson, CancellationToken cancellationToken) =>
        DeliverAsync(instanceId, commandJson, cancellationToken);

    /// <summary>
    /// <see cref="DeliverNewAsync"/> from an effect handler still covered by its own outbox row: the new
    /// instance's effects may run before its commit (<c>DeciderStore.HandleNewInEffectAsync</c>).
    /// </summary>
    Task DeliverNewInEffectAsync(string instanceId, string commandJson, CancellationToken cancellationToken) =>
        DeliverNewAsync(instanceId, commandJson, cancellationToken);

    /// <summary>Several due timers of one instance, in order; one outcome each (null: delivered).</summary>
    async Task<IReadOnlyList<Exception?>> DeliverAllAsync(string instanceId, IReadOnlyList<string> commandJsons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commandJsons);
        var outcomes = new Exception?[commandJsons.Count];
        for (var i = 0; i < commandJsons.Count; i++)
        {
            try
            {
                await DeliverAsync(instanceId, commandJsons[i], cancellationToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                outcomes[i] = e;
            }
        }
        return outcomes;
    }
}
