namespace AIWorkflows.App.Workflows;

// The messages of a decider orchestration. Commands, states and events travel as JSON written with
// WorkflowJson.Options, so their polymorphic discriminators survive whatever serializer the host uses.

/// <summary>Starts an instance: its first command and the policy pack it runs under for life (a later edit cannot change a replay).</summary>
/// <remarks>
/// The pack is named by its content id (<paramref name="PackId"/>, see <see cref="PolicyPackVersions"/>). Instances started
/// before there were ids carry the pack itself in <paramref name="Pack"/>, and replay with it.
/// </remarks>
/// <remarks>
/// Waking an instance that slept (<see cref="WorkflowRules{TCommand, TState, TEvent}.SleepBeyond"/>): <paramref name="State"/> and
/// <paramref name="Version"/> are where its read model left it, and <paramref name="Command"/> is null when it wakes for a deadline.
/// </remarks>
public sealed record WorkflowStart(string CommandId, string? Command, string? Pack, TimeSpan Skew, string? State = null, long Version = 0, string? PackId = null);

/// <summary>A command sent to a running instance, as an external event named for what happened.</summary>
public sealed record WorkflowCommand(string CommandId, string Command, TimeSpan Skew);

/// <summary>
/// The app's clock differs from the engine's by <paramref name="Skew"/> (the Development clock, a
/// test's fake clock): the instance decides what has fallen due in app time, re-arms its timer, and
/// answers <paramref name="CommandId"/>. Zero in Production, where nobody sends it.
/// </summary>
public sealed record ClockMoved(string CommandId, TimeSpan Skew);

/// <summary>One step of an instance for its activity to record and carry out: the events decided and the states around them.</summary>
/// <remarks>
/// <paramref name="Answers"/> includes this step's command; <paramref name="AnswersBefore"/> does not: the read
/// model shows the answer only once the step's effects are done, so a caller told "done" finds them done.
/// </remarks>
/// <remarks>
/// <paramref name="Sleeps"/>: the instance finishes after this step, its next deadline (<paramref name="WakeAt"/>, none
/// for a state that waits on nothing) far enough away to be kept in the wake index rather than in the engine.
/// </remarks>
public sealed record WorkflowStep(
    string Workflow, string InstanceId, string Before, string After, long Version, IReadOnlyList<StepEvent> Events,
    string AnswersBefore, string Answers, DateTimeOffset At, bool Sleeps = false, DateTimeOffset? WakeAt = null);

public sealed record StepEvent(long Seq, string Event);
