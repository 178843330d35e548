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

    /// <summary>
    /// For workflows that wait months between steps (a tool's re-assessment cycle): an instance whose next
    /// deadline is further away than this finishes after its step, its wake time kept in the wake index,
    /// and is started again from its read model when a command comes or the deadline nears. Null: instances
    /// run until final. Thousands of sleeping instances then cost the engine nothing, and registering one
    /// (the federal import) starts no orchestration at all.
    /// </summary>
    public virtual TimeSpan? SleepBeyond => null;

    /// <summary>How long before its deadline the wake trigger starts a sleeping instance again (half the sleep horizon).</summary>
    public TimeSpan WakeLead => (SleepBeyond ?? TimeSpan.Zero) / 2;
}
