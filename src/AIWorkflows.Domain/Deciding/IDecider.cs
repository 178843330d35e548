namespace AIWorkflows.Domain.Deciding;

/// <summary>
/// A workflow as data: Decide turns a command into events given the current state, Evolve folds an
/// event into the state. Both are pure; every command carries its own Now, so replaying a stored
/// history gives the same state on any machine at any time.
/// </summary>
public interface IDecider<TCommand, TState, TEvent>
{
    TState Initial { get; }

    IReadOnlyList<TEvent> Decide(TCommand command, TState state);

    TState Evolve(TState state, TEvent happened);

    /// <summary>
    /// True for a state that no command changes, ever (an approval's outcome). A store may then believe
    /// "nothing to do" decided on a copy it keeps, without reading the state again. Default: none is.
    /// </summary>
    bool IsFinal(TState state) => false;

    /// <summary>
    /// The deadlines the state waits on, each as the timer command to decide when it comes. A host
    /// keeps one timer for the earliest; the decider ignores a command whose deadline has passed by.
    /// </summary>
    IReadOnlyList<Deadline<TCommand>> Deadlines(TState state) => [];
}
