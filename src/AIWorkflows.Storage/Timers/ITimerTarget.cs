namespace AIWorkflows.Storage.Timers;

/// <summary>
/// Receives the due timers of one <see cref="Workflow"/>: the command JSON the timer was set with.
/// Every <c>DeciderStore</c> is one; a stale timer simply decides nothing there.
/// </summary>
public interface ITimerTarget
{
    string Workflow { get; }

    Task DeliverAsync(string instanceId, string commandJson, CancellationToken cancellationToken);
}
