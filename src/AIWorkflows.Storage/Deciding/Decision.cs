namespace AIWorkflows.Storage.Deciding;

/// <summary>
/// The outcome of one command: the state it was decided against, the state after, the version after
/// and the events it recorded (none when the command changed nothing, e.g. a stale timer).
/// </summary>
public sealed record Decision<TState, TEvent>(
    string InstanceId, TState Before, TState State, long Version, IReadOnlyList<StoredEvent<TEvent>> NewEvents)
{
    public bool Changed => NewEvents.Count > 0;
}
