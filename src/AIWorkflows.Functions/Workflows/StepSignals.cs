using System.Collections.Concurrent;
using AIWorkflows.Storage.Deciding;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// Wakes callers waiting on an instance in this process as soon as its step activity has written
/// the read model, with the answers it wrote, so a wait here costs no storage read. A caller whose
/// step ran in another process (several Functions instances) falls back to reading the row.
/// </summary>
public sealed class StepSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IReadOnlyDictionary<string, WorkflowAnswer>>> _waiting = new(StringComparer.Ordinal);

    /// <summary>Completes with the instance's answers at its next recorded step.</summary>
    public Task<IReadOnlyDictionary<string, WorkflowAnswer>> NextStepAsync(string instanceId) =>
        _waiting.GetOrAdd(instanceId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Recorded(string instanceId, IReadOnlyDictionary<string, WorkflowAnswer> answers)
    {
        if (_waiting.TryRemove(instanceId, out var waiting)) waiting.TrySetResult(answers);
    }
}
