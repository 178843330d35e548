namespace AIWorkflows.Domain.Deciding;

public static class DeciderExtensions
{
    /// <summary>Folds events into a state; the one place tests and the store replay history.</summary>
    public static TState Fold<TCommand, TState, TEvent>(
        this IDecider<TCommand, TState, TEvent> decider, TState state, IEnumerable<TEvent> events)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events) state = decider.Evolve(state, e);
        return state;
    }
}
