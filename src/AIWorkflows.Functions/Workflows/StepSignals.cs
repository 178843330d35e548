using System.Collections.Concurrent;
using AIWorkflows.Storage.Deciding;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// Wakes callers waiting on an instance in this process as soon as its step activity has written
/// the read model and carried out the step's effects, with what it wrote, so a wait here costs no
/// storage read. A caller whose step ran in another process (several Functions instances) falls back
/// to reading the row.
/// </summary>
public sealed class StepSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RecordedStep>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Completes with the instance's next recorded step.</summary>
    public Task<RecordedStep> NextStepAsync(string instanceId) =>
        _waiting.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Recorded(string instanceId, RecordedStep step)
    {
        if (_waiting.TryRemove(instanceId, out var waiting)) waiting.TrySetResult(step);
    }
}

/// <summary>
/// A step as its activity recorded it: the answers, and the instance's state, version and the step's own events
/// (typed by the workflow: <c>TState</c> and <c>StoredEvent&lt;TEvent&gt;</c>), so the caller whose command it
/// answered has its decision without reading it back.
/// </summary>
public sealed record RecordedStep(IReadOnlyDictionary<string, WorkflowAnswer> Answers, long Version, object? State, IReadOnlyList<object> Events);
