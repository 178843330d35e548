namespace AIWorkflows.Domain.Deciding;

/// <summary>
/// A deadline a state is waiting on: the timer command to decide when <see cref="DueAt"/> comes. The
/// command carries the due time it was set for, so one that fires after the state moved on decides nothing.
/// </summary>
public sealed record Deadline<TCommand>(DateTimeOffset DueAt, TCommand Command);
