using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Workflows;

/// <summary>A workflow whose instances may sleep between far-apart deadlines (<see cref="WorkflowRules{TCommand, TState, TEvent}.SleepBeyond"/>).</summary>
public interface ISleepingWorkflow
{
    string Workflow { get; }

    Task<int> WakeDueAsync(DurableTaskClient client, CancellationToken cancellationToken);
}

/// <summary>Wakes the sleeping instances of every workflow whose deadline is near, by the app's clock.</summary>
public sealed class WorkflowWakes(IEnumerable<ISleepingWorkflow> workflows)
{
    public async Task<int> WakeDueAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var woken = 0;
        foreach (var workflow in workflows) woken += await workflow.WakeDueAsync(client, cancellationToken);
        return woken;
    }
}
