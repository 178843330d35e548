using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Workflows;

/// <summary>A workflow whose running instances can be told the app's clock moved.</summary>
public interface IClockedWorkflow
{
    string Orchestration { get; }

    Task ClockMovedAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken);
}

/// <summary>
/// Development only (DESIGN §3): when the app's clock jumps, every running instance hears of it and
/// decides what fell due, so a 90-day journey runs in seconds, deterministically (the skew is data).
/// </summary>
public sealed class WorkflowClocks(IEnumerable<IClockedWorkflow> workflows)
{
    private readonly Dictionary<string, IClockedWorkflow> _byOrchestration = workflows.ToDictionary(w => w.Orchestration, StringComparer.Ordinal);

    /// <summary>Tells every running instance and waits until each has caught up; answers how many there were.</summary>
    public async Task<int> MovedAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending] };
        var told = new List<Task>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (_byOrchestration.TryGetValue(instance.Name, out var workflow))
                told.Add(workflow.ClockMovedAsync(client, instance.InstanceId, cancellationToken));
        }
        await Task.WhenAll(told);
        return told.Count;
    }
}
