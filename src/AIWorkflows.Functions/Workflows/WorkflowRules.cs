using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// What an orchestration needs to know of a workflow, all of it pure: its names, its decider for a
/// pack, and the external event each command arrives as. Orchestrator code and the gateway share it.
/// </summary>
public abstract class WorkflowRules<TCommand, TState, TEvent>
{
    /// <summary>The workflow's name in the read model (e.g. <c>tool-approval</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The orchestrator function's name.</summary>
    public abstract string Orchestration { get; }

    /// <summary>Every external event the orchestration listens for.</summary>
    public abstract IReadOnlyList<string> EventNames { get; }

    public abstract IDecider<TCommand, TState, TEvent> Decider(PolicyPack pack);

    /// <summary>The external event a command arrives as, named for what happened (e.g. <c>ReviewSubmitted</c>).</summary>
    public abstract string EventName(TCommand command);

    /// <summary>The command as decided at <paramref name="now"/> (a deadline's command carries its due time until it fires).</summary>
    public abstract TCommand At(TCommand command, DateTimeOffset now);
}
