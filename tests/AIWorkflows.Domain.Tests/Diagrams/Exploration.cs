using AIWorkflows.Domain.Deciding;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>
/// A decider under one policy pack and the commands worth trying in a state at a time. The catalog
/// proposes; the real Decide chooses what happens, so a command the workflow refuses adds nothing.
/// </summary>
internal sealed record Exploration<TCommand, TState, TEvent>(
    IDecider<TCommand, TState, TEvent> Decider,
    Func<TState, DateTimeOffset, IEnumerable<TCommand>> Commands,
    Func<TCommand, DateTimeOffset> NowOf,
    Func<TState, string> Status,
    DateTimeOffset Start,
    int MaxDepth,
    int MaxStates = 20_000)
    where TState : notnull
    where TEvent : notnull;
